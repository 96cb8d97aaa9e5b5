import { record } from '../../core/audit/audit';
import { hashPassword } from '../../core/auth/passwords';
import { revokeSessionsOfUsers } from '../../core/auth/sessions';
import { addMinutes } from '../../core/clock';
import type { RequestContext } from '../../core/context';
import { hashToken, newId, newSecret } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { identityErrors } from './identity.errors';
import { ensureCurrentPassword, ensureStrongPassword, loadSelf, requireSessionUser } from './identity.guards';
import { passwordResetMail, queueSecurityNotice } from './identity.mails';
import {
  canSignIn,
  consumeOneTimeToken,
  expireOneTimeTokens,
  findLiveOneTimeToken,
  findPersonByEmail,
  getPersonById,
} from './identity.queries';
import { clearAccountFailures } from './identity.throttle';

/** Changing one's own password keeps the current session and ends every other one (a thief's included). */
export async function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireSessionUser(ctx);
  const person = await loadSelf(ctx, actor);
  await ensureCurrentPassword(ctx, person, input.currentPassword, 'password_change');
  ensureStrongPassword(input.newPassword, person.email);
  const passwordHash = await hashPassword(input.newPassword);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso })
      .where('id', '=', person.id)
      .execute();
    await revokeSessionsOfUsers(trx, [person.id], nowIso, actor.sessionId ?? undefined);
    await queueSecurityNotice(trx, ctx, person, 'password_changed');
    await record(trx, ctx, {
      action: 'auth.password_changed',
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
}

/**
 * Sends a reset link when the address belongs to someone who may sign in, and says nothing either way: the route
 * answers the same 202 whatever happens here, and no slow work (hashing, SMTP) runs inline to time.
 */
export async function requestPasswordReset(ctx: RequestContext, input: { email: string }): Promise<void> {
  const person = await findPersonByEmail(ctx.db, input.email);
  const now = ctx.clock.now();
  if (!person?.password_hash || !canSignIn(person, now.toISOString())) return;
  const token = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await expireOneTimeTokens(trx, { purpose: 'password_reset', userId: person.id, nowIso: now.toISOString() });
    await trx
      .insertInto('one_time_tokens')
      .values({
        id: newId(),
        purpose: 'password_reset',
        token_hash: hashToken(token),
        user_id: person.id,
        space_id: null,
        created_by: null,
        created_at: now.toISOString(),
        expires_at: addMinutes(now, ctx.config.PASSWORD_RESET_TTL_MINUTES).toISOString(),
        used_at: null,
      })
      .execute();
    await enqueueMail(
      trx,
      now,
      passwordResetMail({
        to: person.email,
        locale: person.locale,
        name: person.name,
        url: `${ctx.config.publicUrl}/reset-password/${token}`,
        minutes: ctx.config.PASSWORD_RESET_TTL_MINUTES,
      }),
    );
    await record(trx, ctx, {
      action: 'auth.password_reset_requested',
      actorOverride: { id: person.id, label: person.email },
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
}

/**
 * Sets a new password from a reset link. The link works once; every session ends, since whoever held the old
 * password may hold one. Proving the mailbox also forgives the account's failed sign-ins.
 */
export async function resetPassword(ctx: RequestContext, input: { token: string; password: string }): Promise<void> {
  const nowIso = ctx.clock.now().toISOString();
  const link = await findLiveOneTimeToken(ctx.db, { purpose: 'password_reset', token: input.token, nowIso });
  const person = link?.user_id ? await getPersonById(ctx.db, link.user_id) : undefined;
  if (!link || !person || !canSignIn(person, nowIso)) throw identityErrors.invalidToken();
  ensureStrongPassword(input.password, person.email);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, link.id, nowIso))) throw identityErrors.invalidToken();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso })
      .where('id', '=', person.id)
      .execute();
    await revokeSessionsOfUsers(trx, [person.id], nowIso);
    await clearAccountFailures(trx, person.email);
    await queueSecurityNotice(trx, ctx, person, 'password_reset');
    await record(trx, ctx, {
      action: 'auth.password_reset',
      actorOverride: { id: person.id, label: person.email },
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
}
