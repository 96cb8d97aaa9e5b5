import { AppError, defineError } from '../../core/http/errors';

export const memberExists = defineError({
  code: 'spaces.member_exists',
  status: 409,
  title: 'Already a member of this space',
});

/** A space without an owner could no longer be run by anyone but a host admin. */
export const lastOwner = defineError({
  code: 'spaces.last_owner',
  status: 409,
  title: 'The space must keep at least one owner',
});

export const invalidMember = defineError({
  code: 'spaces.invalid_member',
  status: 400,
  title: 'This member cannot be used here',
});

/** Inviting by e-mail never moves an account: its owner belongs to another organization. */
export const emailTakenElsewhere = defineError({
  code: 'identity.email_taken',
  status: 409,
  title: 'This e-mail address belongs to someone of another organization',
});

/** Shaped like a contract validation failure: the field is named, so the form shows the problem beside it. */
export const invalidCapabilities = (unknown: readonly string[]) =>
  new AppError('http.validation_failed', 400, 'Invalid request', `Unknown capability: ${unknown.join(', ')}.`, {}, [
    { path: 'body.capabilities', message: `Unknown capability: ${unknown.join(', ')}` },
  ]);
