import type { z } from 'zod';

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One contract per route: the server validates with it and documents it in OpenAPI; the web client derives its
 * types from it. `public: true` routes are reachable without a session (the route inventory test checks the list).
 */
export type RouteContract = {
  method: Method;
  path: string;
  summary: string;
  public?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
};

/** Keeps the literal type of a route contract while checking its shape. */
export const defineRoute = <T extends RouteContract>(contract: T) => contract;

/**
 * What one module declares: its routes, the `resource.verb` actions the policy decides for it, its error codes and
 * the action names it writes to the audit trail. The registry combines them and rejects any name declared twice.
 */
export type ModuleContract = {
  name: string;
  routes: Readonly<Record<string, RouteContract>>;
  actions: readonly string[];
  errors: readonly string[];
  auditActions: readonly string[];
};
