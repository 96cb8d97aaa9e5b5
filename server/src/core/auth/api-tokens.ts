import type { RequestContext } from '../context';
import { hashToken } from '../ids';
import { actorColumns, personIsLive, toUserActor } from './live-person';

export const API_TOKEN_PREFIX = 'gh_';
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Turns a Bearer token into an actor, or null. A SHA-256 lookup, not argon2: tokens carry 256 bits of entropy and
 * WebDAV clients send them on every request. The person, their organization and their expiry are checked each time.
 */
export async function resolveApiToken(ctx: Pick<RequestContext, 'db' | 'clock'>, token: string) {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const row = await ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', nowIso)]))
    .where(personIsLive(nowIso))
    .select(['t.id as tokenId', 't.last_used_at', ...actorColumns])
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', row.tokenId).execute();
  }
  return toUserActor(row, { via: 'token', sessionId: null, tokenId: row.tokenId });
}
