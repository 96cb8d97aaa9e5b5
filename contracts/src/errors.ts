/**
 * Every stable error code the API can answer with. The web app translates `errors.<code>` in every locale;
 * a test checks that each code has a translation.
 */
export const errorCodes = [
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
  'identity.invalid_credentials',
  'identity.two_factor_required',
  'identity.invalid_two_factor_code',
  'identity.two_factor_already_enabled',
  'identity.two_factor_not_enabled',
  'identity.two_factor_setup_required',
  'identity.weak_password',
  'identity.invalid_token',
  'identity.account_disabled',
  'identity.email_taken',
  'identity.setup_done',
  'identity.wrong_password',
  'organizations.name_taken',
  'organizations.host_immutable',
  'people.cannot_disable_self',
  'people.sponsor_not_host',
  'spaces.member_exists',
  'spaces.last_owner',
  'spaces.invalid_member',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
