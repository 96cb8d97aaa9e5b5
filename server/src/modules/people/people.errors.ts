import { defineError } from '../../core/http/errors';

/** Disabling oneself would end the very session asking for it, and could leave the extranet without an admin. */
export const cannotDisableSelf = defineError({
  code: 'people.cannot_disable_self',
  status: 403,
  title: 'You cannot do this to your own account',
});

export const sponsorNotHost = defineError({
  code: 'people.sponsor_not_host',
  status: 400,
  title: 'The sponsor must be a person of the host organization',
});

export const emailTaken = defineError({
  code: 'identity.email_taken',
  status: 409,
  title: 'Someone already uses this e-mail address',
});

export const weakPassword = defineError({ code: 'identity.weak_password', status: 400, title: 'Password too weak' });

export const notInvited = defineError({
  code: 'http.conflict',
  status: 409,
  title: 'This person is not waiting for an invitation',
});
