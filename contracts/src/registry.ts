import type { z } from 'zod';
import { auditContract } from './audit';
import { combineContracts } from './combine-contracts';
import { documentsContract } from './documents';
import { httpErrorCodes } from './http-errors';
import { identityContract } from './identity';
import { notificationsContract } from './notifications';
import { organizationsContract } from './organizations';
import { peopleContract } from './people';
import { requestsContract } from './requests';
import { searchContract } from './search';
import { sharesContract } from './shares';
import { spacesContract } from './spaces';
import { webdavContract } from './webdav';

/** Every module of Gatehouse. Adding a module means adding its contract here; loading fails on any duplicate. */
export const moduleContracts = [
  identityContract,
  organizationsContract,
  peopleContract,
  spacesContract,
  documentsContract,
  sharesContract,
  requestsContract,
  notificationsContract,
  searchContract,
  auditContract,
  webdavContract,
] as const;

export type ModuleName = (typeof moduleContracts)[number]['name'];

const combined = combineContracts({ modules: moduleContracts, sharedErrorCodes: httpErrorCodes });

export const routes = combined.routes;
export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteBody<N extends RouteName> = Routes[N] extends { body: z.ZodType }
  ? z.input<Routes[N]['body']>
  : undefined;
export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;

/** Every action the central policy decides, named `resource.verb`. */
export const actions = combined.actions;
export type Action = (typeof actions)[number];
export const actionsByModule = combined.actionsByModule;

/**
 * Every stable error code the API can answer with. The web app translates `errors.<code>` in every locale;
 * a test checks that each code has a translation.
 */
export const errorCodes = combined.errorCodes;
export type ErrorCode = (typeof errorCodes)[number];

/** Every action name written to the audit trail. */
export const auditActions = combined.auditActions;
export type AuditAction = (typeof auditActions)[number];

export const moduleOfRoute = combined.moduleOfRoute;
