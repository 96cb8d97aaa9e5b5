import { record } from '../../core/audit/audit';
import type { UserActor } from '../../core/auth/actor';
import { passwordWeakness, verifyPassword } from '../../core/auth/passwords';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { identityErrors } from './identity.errors';
import { getPersonById, type PersonRow } from './identity.queries';
import { ensureNotThrottled, recordFailure } from './identity.throttle';

/** The signed-in person behind a private route (the auth hook already refused anonymous callers). */
export function requireUser(ctx: RequestContext): UserActor {
  if (ctx.actor.kind !== 'user') throw errors.unauthorized();
  return ctx.actor;
}

/**
 * Credentials (password, second factor, API tokens) are managed from a browser session only: a leaked API token
 * must not be able to mint more tokens or lock the owner out, and outlive its own revocation that way.
 */
export function requireSessionUser(ctx: RequestContext): UserActor {
  const actor = requireUser(ctx);
  if (actor.via !== 'session') {
    throw errors.forbidden('Sign in to manage passwords, two-factor authentication and API tokens.');
  }
  return actor;
}

export async function loadSelf(ctx: RequestContext, actor: UserActor): Promise<PersonRow> {
  const person = await getPersonById(ctx.db, actor.id);
  if (!person) throw errors.unauthorized();
  return person;
}

export function ensureStrongPassword(password: string, email: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw identityErrors.weakPassword(weakness);
}

/**
 * Re-authentication before a sensitive change. Throttled and counted like a sign-in, so a stolen session cannot be
 * used to guess the password through these routes.
 */
export async function ensureCurrentPassword(
  ctx: RequestContext,
  person: PersonRow,
  password: string,
  purpose: string,
): Promise<void> {
  await ensureNotThrottled(ctx, person.email);
  if (await verifyPassword(person.password_hash, password)) return;
  await ctx.db.transaction().execute(async (trx) => {
    await recordFailure(trx, ctx, person.email);
    await record(trx, ctx, {
      action: 'auth.reauthenticate',
      outcome: 'failure',
      target: { type: 'person', id: person.id, label: person.email },
      details: { purpose },
    });
  });
  throw identityErrors.wrongPassword();
}
