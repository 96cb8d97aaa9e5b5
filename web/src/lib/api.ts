import { type RouteBody, type RouteName, type RouteResponse, type Routes, routes } from '@gatehouse/contracts';
import type { z } from 'zod';

type Part<N extends RouteName, K extends 'params' | 'query'> = Routes[N] extends { [P in K]: z.ZodType }
  ? z.input<Routes[N][K]>
  : undefined;

export type RouteParams<N extends RouteName> = Part<N, 'params'>;
export type RouteQuery<N extends RouteName> = Part<N, 'query'>;

type Field<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };
export type ApiInput<N extends RouteName> = Field<'params', RouteParams<N>> &
  Partial<Field<'query', RouteQuery<N>>> &
  Field<'body', RouteBody<N>>;

type NeedsInput<N extends RouteName> = [RouteParams<N>, RouteBody<N>] extends [undefined, undefined] ? false : true;
type ApiArgs<N extends RouteName> = NeedsInput<N> extends true ? [input: ApiInput<N>] : [input?: ApiInput<N>];

/** A problem+json answer from the API, with its stable `code` (translated as `errors.<code>`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors: { path: string; message: string }[];

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: ApiError['errors'] }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
  }
}

// The CSRF token lives in memory only: it comes with GET /me and is sent back on every state-changing request.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** For requests that cannot go through `api()` (uploads with XMLHttpRequest, for their progress events). */
export const getCsrfToken = (): string | null => csrfToken;

let onUnauthorized: (() => void) | null = null;
/** Called when a signed-in call answers 401: the session ended (sign-out elsewhere, disabled account, expiry). */
export const setUnauthorizedHandler = (handler: (() => void) | null) => {
  onUnauthorized = handler;
};

/** A signed-in request answered 401: forget the CSRF token and let the app show the sign-in page. */
export function sessionRefused() {
  csrfToken = null;
  onUnauthorized?.();
}

/** Builds `/api/v1/spaces/123/members?x=y` from a route's path template. */
export function buildUrl(path: string, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = { status: response.status, title: response.statusText, code: fallbackCode(response.status) };
  try {
    const problem = (await response.json()) as Partial<ConstructorParameters<typeof ApiError>[0]>;
    return new ApiError({ ...fallback, ...problem, status: response.status });
  } catch {
    return new ApiError(fallback);
  }
}

/** The error code of an answer that carries no problem+json body. */
export function fallbackCode(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'http.bad_request',
    401: 'http.unauthorized',
    403: 'http.forbidden',
    404: 'http.not_found',
    409: 'http.conflict',
    413: 'http.payload_too_large',
    429: 'http.too_many_requests',
  };
  return byStatus[status] ?? 'http.internal';
}

/** Calls one route of the contract: `api('getSpace', { params: { id } })`. */
export async function api<N extends RouteName>(name: N, ...[input]: ApiArgs<N>): Promise<RouteResponse<N>> {
  const route = routes[name];
  const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
  const url = buildUrl(route.path, params as Record<string, unknown>, query as Record<string, unknown>);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (route.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', title: 'Network error' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    const isPublic = 'public' in route && route.public === true;
    if (response.status === 401 && name !== 'me' && !isPublic) sessionRefused();
    throw error;
  }
  if (response.status === 204) return undefined as RouteResponse<N>;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as RouteResponse<N>;
}

/** True when `error` is an ApiError with one of the given codes. */
export const isApiError = (error: unknown, ...codes: string[]): error is ApiError =>
  error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
