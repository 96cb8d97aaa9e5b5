import { defineError } from '../../core/http/errors';

/** Every identity error has one status. Tokens named in the URL are resources (404); tokens in a body are input (400). */
export const identityErrors = {
  /** One answer for unknown e-mail, wrong password, no password yet, disabled or expired account: nothing leaks. */
  invalidCredentials: defineError({
    code: 'identity.invalid_credentials',
    status: 401,
    title: 'Wrong e-mail or password',
  }),
  invalidTwoFactorCode: defineError({
    code: 'identity.invalid_two_factor_code',
    status: 400,
    title: 'Invalid verification code',
  }),
  twoFactorAlreadyEnabled: defineError({
    code: 'identity.two_factor_already_enabled',
    status: 409,
    title: 'Two-factor authentication is already on',
  }),
  twoFactorNotEnabled: defineError({
    code: 'identity.two_factor_not_enabled',
    status: 409,
    title: 'Two-factor authentication is not on',
  }),
  weakPassword: defineError({ code: 'identity.weak_password', status: 400, title: 'Password too weak' }),
  wrongPassword: defineError({ code: 'identity.wrong_password', status: 400, title: 'Wrong password' }),
  invalidToken: defineError({ code: 'identity.invalid_token', status: 400, title: 'Invalid or expired link' }),
  invitationNotFound: defineError({ code: 'identity.invalid_token', status: 404, title: 'Invalid or expired link' }),
  accountDisabled: defineError({ code: 'identity.account_disabled', status: 403, title: 'Account disabled' }),
  emailTaken: defineError({ code: 'identity.email_taken', status: 409, title: 'E-mail address already in use' }),
  setupDone: defineError({ code: 'identity.setup_done', status: 409, title: 'Setup already done' }),
};
