import type { Session } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { revokeSessionsOfUsers } from '../../core/auth/sessions';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { authorize } from '../../core/policy/policy';
import { requireUser } from './identity.guards';
import { listOpenSessions } from './identity.queries';

export async function listMySessions(ctx: RequestContext): Promise<{ sessions: Session[] }> {
  const actor = requireUser(ctx);
  const rows = await listOpenSessions(ctx.db, { userId: actor.id, nowIso: ctx.clock.now().toISOString() });
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.id === actor.sessionId,
    })),
  };
}

/** Ends one of the caller's own sessions; anyone else's id answers 404, as if it did not exist. */
export async function endMySession(ctx: RequestContext, input: { id: string }): Promise<{ endedCurrent: boolean }> {
  const actor = requireUser(ctx);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .where('id', '=', input.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!session) throw errors.notFound();
    authorize(actor, 'session.revoke', { type: 'session', id: session.id, ownerId: session.user_id });
    const result = await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso })
      .where('id', '=', session.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw errors.notFound();
    await record(trx, ctx, {
      action: 'auth.session_ended',
      target: { type: 'session', id: input.id },
    });
  });
  return { endedCurrent: input.id === actor.sessionId };
}

export async function endMyOtherSessions(ctx: RequestContext): Promise<void> {
  const actor = requireUser(ctx);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSessionsOfUsers(trx, [actor.id], nowIso, actor.sessionId ?? undefined);
    await record(trx, ctx, {
      action: 'auth.other_sessions_ended',
      target: { type: 'person', id: actor.id, label: actor.email },
    });
  });
}
