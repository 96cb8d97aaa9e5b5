import { record } from '../../core/audit/audit';
import { dummyPasswordHash, verifyPassword } from '../../core/auth/passwords';
import { openSecret } from '../../core/auth/secrets';
import { createSession } from '../../core/auth/sessions';
import { addMinutes } from '../../core/clock';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx, Trx } from '../../core/db/database';
import { errors } from '../../core/http/errors';
import { identityErrors } from './identity.errors';
import { canSignIn, findPersonByEmail, getPersonById, type PersonRow } from './identity.queries';
import { clearAccountFailures, ensureNotThrottled, recordFailure } from './identity.throttle';
import { hashRecoveryCode, matchTotp, normalizeRecoveryCode } from './identity.totp';

/** A password-only session waiting for its second factor is worth little and lives briefly. */
const PENDING_SESSION_MINUTES = 10;

type SignInResult = { token: string; twoFactorRequired: boolean };

/** Computes the stand-in hash at start, so the first sign-in with an unknown e-mail is not the slow one. */
export async function prepareSignIn(): Promise<void> {
  await dummyPasswordHash();
}

/**
 * Password step of the sign-in. Every refusal — unknown e-mail, wrong password, no password yet, disabled or expired
 * account — costs one argon2 verification and gives the same answer, so neither timing nor body tells them apart.
 * A new session is created every time (a token planted in the browser before sign-in is never promoted).
 */
export async function signIn(
  ctx: RequestContext,
  input: { email: string; password: string; replacesSessionId: string | null },
): Promise<SignInResult> {
  await ensureNotThrottled(ctx, input.email);
  const person = await findPersonByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(person?.password_hash ?? (await dummyPasswordHash()), input.password);
  const nowIso = ctx.clock.now().toISOString();
  const reason = refusalReason(person, passwordOk, nowIso);
  if (reason || !person) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailure(trx, ctx, input.email);
      await record(trx, ctx, {
        action: 'auth.sign_in',
        outcome: 'failure',
        actorOverride: { id: person?.id ?? null, label: input.email },
        details: { reason },
      });
    });
    throw identityErrors.invalidCredentials();
  }

  if (person.totp_enabled === 1) {
    const token = await ctx.db.transaction().execute(async (trx) => {
      await revokeReplacedSession(trx, input.replacesSessionId, nowIso);
      const session = await createSession(trx, ctx, { userId: person.id, mfaPending: true });
      const until = addMinutes(ctx.clock.now(), PENDING_SESSION_MINUTES).toISOString();
      await trx
        .updateTable('sessions')
        .set({ expires_at: until, idle_expires_at: until })
        .where('id', '=', session.id)
        .execute();
      return session.token;
    });
    return { token, twoFactorRequired: true };
  }
  const token = await ctx.db
    .transaction()
    .execute((trx) =>
      completeSignIn(trx, ctx, person, { method: 'password', replacesSessionId: input.replacesSessionId }),
    );
  return { token, twoFactorRequired: false };
}

/**
 * Second step: a TOTP code (each time step accepted once) or an unused recovery code turns the pending session into
 * a full one — under a new token, so the password-only token is worthless afterwards. Wrong codes are throttled
 * like wrong passwords.
 */
export async function completeTwoFactor(
  ctx: RequestContext,
  input: { pending: { userId: string; sessionId: string } | null; code: string },
): Promise<{ token: string }> {
  if (!input.pending) throw errors.unauthorized('Sign in with your password first.');
  const person = await getPersonById(ctx.db, input.pending.userId);
  if (person?.totp_enabled !== 1 || !person.totp_secret) {
    throw errors.unauthorized('Sign in with your password first.');
  }
  await ensureNotThrottled(ctx, person.email);

  const method = /^\d{6}$/.test(input.code) ? 'totp' : 'recovery_code';
  const accepted =
    method === 'totp'
      ? await consumeTotpCode(ctx, person, input.code)
      : await consumeRecoveryCode(ctx, person, input.code);
  if (!accepted) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailure(trx, ctx, person.email);
      await record(trx, ctx, {
        action: 'auth.two_factor',
        outcome: 'failure',
        actorOverride: { id: person.id, label: person.email },
        details: { method },
      });
    });
    throw identityErrors.invalidTwoFactorCode();
  }
  const pendingSessionId = input.pending.sessionId;
  const token = await ctx.db
    .transaction()
    .execute((trx) => completeSignIn(trx, ctx, person, { method, replacesSessionId: pendingSessionId }));
  return { token };
}

/** Ends the browser's session — a full one or one still waiting for its second factor. */
export async function signOut(ctx: RequestContext, input: { pendingSessionId: string | null }): Promise<void> {
  const actor = ctx.actor;
  const sessionId = actor.kind === 'user' && actor.via === 'session' ? actor.sessionId : input.pendingSessionId;
  if (!sessionId) return;
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const session = await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .returning(['user_id'])
      .executeTakeFirst();
    if (!session) return;
    const person = await getPersonById(trx, session.user_id);
    await record(trx, ctx, {
      action: 'auth.sign_out',
      actorOverride: { id: session.user_id, label: person?.email ?? null },
      details: { sessionId },
    });
  });
}

/**
 * The last step of every way in (password, second factor, accepted invitation, setup): a full session, the sign-in
 * time, the account's failures forgiven, and the audit event. Returns the new session token for the cookie.
 */
export async function completeSignIn(
  trx: Trx,
  ctx: RequestContext,
  person: Pick<PersonRow, 'id' | 'email'>,
  input: { method: string; replacesSessionId: string | null },
): Promise<string> {
  const nowIso = ctx.clock.now().toISOString();
  await revokeReplacedSession(trx, input.replacesSessionId, nowIso);
  const session = await createSession(trx, ctx, { userId: person.id, mfaPending: false });
  await trx.updateTable('users').set({ last_sign_in_at: nowIso }).where('id', '=', person.id).execute();
  await clearAccountFailures(trx, person.email);
  await record(trx, ctx, {
    action: 'auth.sign_in',
    actorOverride: { id: person.id, label: person.email },
    target: { type: 'person', id: person.id, label: person.email },
    details: { method: input.method, sessionId: session.id },
  });
  return session.token;
}

/** Why a password sign-in is refused (for the audit trail only: the client always gets the same answer). */
function refusalReason(person: PersonRow | undefined, passwordOk: boolean, nowIso: string): string | null {
  if (!person) return 'unknown_email';
  if (!person.password_hash) return 'no_password';
  if (!passwordOk) return 'wrong_password';
  if (!canSignIn(person, nowIso)) return 'account_inactive';
  return null;
}

/** Signing in again from a browser that still holds a session replaces it rather than leaving it open. */
async function revokeReplacedSession(trx: DbOrTrx, sessionId: string | null, nowIso: string) {
  if (!sessionId) return;
  await trx
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The conditional update makes concurrent requests with the same code race for one step: only one wins. */
async function consumeTotpCode(ctx: RequestContext, person: PersonRow, code: string): Promise<boolean> {
  const secret = openSecret(ctx.config.secretKey, person.totp_secret as string);
  const step = await matchTotp({ secret, code, now: ctx.clock.now(), lastStep: person.totp_last_step });
  if (step === null) return false;
  const result = await ctx.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', person.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function consumeRecoveryCode(ctx: RequestContext, person: PersonRow, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return false;
  const result = await ctx.db
    .updateTable('recovery_codes')
    .set({ used_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', person.id)
    .where('code_hash', '=', hashRecoveryCode(ctx.config.secretKey, normalized))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
