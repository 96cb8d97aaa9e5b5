import type { ErrorCode } from '@gatehouse/contracts';

/** An error the client may see: a stable code, an HTTP status, a human sentence. Anything else is a 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
    readonly fieldErrors?: { path: string; message: string }[],
  ) {
    super(detail ?? title);
  }
}

/** Declares an error once (code, status, title); call the result to throw-able instances with an optional detail. */
export function defineError(definition: { code: ErrorCode; status: number; title: string }) {
  const make = (detail?: string, headers?: Record<string, string>) =>
    new AppError(definition.code, definition.status, definition.title, detail, headers);
  return Object.assign(make, definition);
}

export const errors = {
  badRequest: defineError({ code: 'http.bad_request', status: 400, title: 'Bad request' }),
  unauthorized: defineError({ code: 'http.unauthorized', status: 401, title: 'Sign in required' }),
  forbidden: defineError({ code: 'http.forbidden', status: 403, title: 'Not allowed' }),
  notFound: defineError({ code: 'http.not_found', status: 404, title: 'Not found' }),
  conflict: defineError({ code: 'http.conflict', status: 409, title: 'Conflict' }),
  csrf: defineError({ code: 'http.csrf_failed', status: 403, title: 'Cross-site request refused' }),
  tooManyRequests: defineError({ code: 'http.too_many_requests', status: 429, title: 'Too many requests' }),
};
