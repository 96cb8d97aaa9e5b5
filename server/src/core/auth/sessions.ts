import type { FastifyReply, FastifyRequest } from 'fastify';
import { addMinutes } from '../clock';
import type { RequestContext } from '../context';
import type { DbOrTrx } from '../db/database';
import { hashToken, newId, newSecret } from '../ids';
import type { UserActor } from './actor';
import { actorColumns, personIsLive, toUserActor } from './live-person';

const SESSION_COOKIE = 'gatehouse_session';
/** `__Host-` pins the cookie to this exact origin over HTTPS: no Domain, Path=/, Secure (RFC 6265bis). */
const SECURE_SESSION_COOKIE = '__Host-gatehouse_session';

/** Sessions are refreshed at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_MS = 30_000;

/** Starts a fresh session (a new token every time, so a token planted before sign-in is worthless). */
export async function createSession(
  trx: DbOrTrx,
  ctx: RequestContext,
  input: { userId: string; mfaPending: boolean },
): Promise<{ id: string; token: string }> {
  const now = ctx.clock.now();
  const token = newSecret();
  const id = newId();
  await trx
    .insertInto('sessions')
    .values({
      id,
      user_id: input.userId,
      token_hash: hashToken(token),
      csrf_token: newSecret(24),
      mfa_pending: input.mfaPending ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_expires_at: addMinutes(now, ctx.config.SESSION_IDLE_MINUTES).toISOString(),
      expires_at: addMinutes(now, ctx.config.SESSION_MAX_HOURS * 60).toISOString(),
      ip: ctx.ip,
      user_agent: ctx.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return { id, token };
}

type ResolvedSession = { actor: UserActor; csrfToken: string; mfaPending: boolean };

/**
 * Turns a session token into an actor, or null. Every condition of revocation is checked here on every request —
 * the session row, the person, their organization and their access expiry — so disabling any of them takes effect on
 * the next request on every instance.
 */
export async function resolveSession(ctx: Pick<RequestContext, 'db' | 'clock' | 'config'>, token: string) {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .where('s.token_hash', '=', hashToken(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', nowIso)
    .where('s.idle_expires_at', '>', nowIso)
    .where(personIsLive(nowIso))
    .select(['s.id as sessionId', 's.csrf_token', 's.mfa_pending', 's.last_seen_at', ...actorColumns])
    .executeTakeFirst();
  if (!row) return null;

  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso, idle_expires_at: addMinutes(now, ctx.config.SESSION_IDLE_MINUTES).toISOString() })
      .where('id', '=', row.sessionId)
      .execute();
  }
  const actor = toUserActor(row, { via: 'session', sessionId: row.sessionId, tokenId: null });
  return { actor, csrfToken: row.csrf_token, mfaPending: row.mfa_pending === 1 } satisfies ResolvedSession;
}

/** Ends every open session of the given people (used on disable, password change, organization disable). */
export async function revokeSessionsOfUsers(trx: DbOrTrx, userIds: string[], at: string, exceptSessionId?: string) {
  if (userIds.length === 0) return;
  await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .$if(Boolean(exceptSessionId), (qb) => qb.where('id', '!=', exceptSessionId as string))
    .execute();
}

export function readSessionCookie(request: FastifyRequest): string | null {
  return request.cookies[SECURE_SESSION_COOKIE] ?? request.cookies[SESSION_COOKIE] ?? null;
}

function cookieIsSecure(request: FastifyRequest, ctx: RequestContext) {
  return ctx.config.SECURE_COOKIES ?? request.protocol === 'https';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = cookieIsSecure(request, request.ctx);
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SECURE_SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
