/** Stable error codes of the identity module; the web app translates each `errors.<code>`. */
export const identityErrors = [
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
] as const;
