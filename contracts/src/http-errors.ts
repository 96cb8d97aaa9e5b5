/** Error codes any route can answer with, owned by no module: the HTTP layer raises them. */
export const httpErrorCodes = [
  'http.bad_request',
  'http.validation_failed',
  'http.unauthorized',
  'http.forbidden',
  'http.not_found',
  'http.method_not_allowed',
  'http.conflict',
  'http.payload_too_large',
  'http.unsupported_media_type',
  'http.too_many_requests',
  'http.csrf_failed',
  'http.internal',
] as const;
