import { defineError } from '../../core/http/errors';

/** The link needs its password and/or e-mail step first (401 with its own code: not a sign-in problem). */
export const shareLocked = defineError({ code: 'shares.locked', status: 401, title: 'This link is protected' });

export const wrongSharePassword = defineError({
  code: 'shares.wrong_password',
  status: 401,
  title: 'The password of this link is not correct',
});

export const invalidShareCode = defineError({
  code: 'shares.invalid_code',
  status: 401,
  title: 'This code is not valid or has expired',
});

/** 410 Gone: the link existed and will never work again (the token holder knew that much already). */
export const linkExpired = defineError({ code: 'shares.link_expired', status: 410, title: 'This link has expired' });

/** Revoked, or its creator can no longer share (disabled, organization disabled, left the space). */
export const linkRevoked = defineError({ code: 'shares.link_revoked', status: 410, title: 'This link was withdrawn' });

export const downloadLimitReached = defineError({
  code: 'shares.download_limit_reached',
  status: 410,
  title: 'This link has reached its download limit',
});

export const expiryTooLong = defineError({
  code: 'shares.expiry_too_long',
  status: 400,
  title: 'This expiry is longer than allowed',
});

export const recipientRequired = defineError({
  code: 'shares.recipient_required',
  status: 400,
  title: 'E-mail verification needs the recipient e-mail address',
});
