import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';

/**
 * Brute-force throttling of everything that checks a secret (password, second factor, re-authentication).
 * Failures live in the database, so every instance counts the same attempts. The window slides: once the oldest
 * failure leaves it, one more attempt is allowed, so an attacker can slow the real person down but never lock them
 * out for good.
 */

const PRUNE_INTERVAL_MS = 60_000;
let lastPruneAt = 0;

type ThrottleCtx = Pick<RequestContext, 'db' | 'clock' | 'config' | 'ip'>;

function keysFor(ctx: ThrottleCtx, email: string) {
  const keys = [{ key: `account:${email.toLowerCase()}`, max: ctx.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }];
  if (ctx.ip) keys.push({ key: `ip:${ctx.ip}`, max: ctx.config.LOGIN_MAX_FAILURES_PER_IP });
  return keys;
}

function windowMs(ctx: ThrottleCtx) {
  return ctx.config.LOGIN_WINDOW_MINUTES * 60_000;
}

/**
 * Throws 429 with Retry-After when the account or the address used up its failures in the window. Called before the
 * secret is checked, and keyed on the e-mail as typed, so the answer is the same whether the account exists.
 */
export async function ensureNotThrottled(ctx: ThrottleCtx, email: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const since = new Date(now - windowMs(ctx)).toISOString();
  const keys = keysFor(ctx, email);
  const rows = await ctx.db
    .selectFrom('login_failures')
    .select(['key', 'at'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('at', '>', since)
    .orderBy('at', 'asc')
    .execute();
  let retryAfterMs = 0;
  for (const { key, max } of keys) {
    const times = rows.filter((row) => row.key === key).map((row) => Date.parse(row.at));
    if (times.length < max) continue;
    // Allowed again once enough failures left the window to bring the count below the limit.
    const freeingFailure = times[times.length - max];
    retryAfterMs = Math.max(retryAfterMs, freeingFailure + windowMs(ctx) - now);
  }
  if (retryAfterMs <= 0) return;
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  throw errors.tooManyRequests('Too many failed attempts. Try again later.', { 'Retry-After': String(seconds) });
}

/** Counts one failure against the account and the address, in the caller's transaction. */
export async function recordFailure(trx: DbOrTrx, ctx: ThrottleCtx, email: string): Promise<void> {
  const at = ctx.clock.now();
  await trx
    .insertInto('login_failures')
    .values(keysFor(ctx, email).map(({ key }) => ({ id: newId(), key, at: at.toISOString() })))
    .execute();
  await pruneOccasionally(trx, ctx, at);
}

/** A completed sign-in (or a reset that proved the mailbox) forgives the account, not the address. */
export async function clearAccountFailures(trx: DbOrTrx, email: string): Promise<void> {
  await trx.deleteFrom('login_failures').where('key', '=', `account:${email.toLowerCase()}`).execute();
}

/** Rows that left the window count for nothing; dropping them at most once a minute keeps the table small. */
async function pruneOccasionally(trx: DbOrTrx, ctx: ThrottleCtx, now: Date) {
  if (now.getTime() - lastPruneAt < PRUNE_INTERVAL_MS) return;
  lastPruneAt = now.getTime();
  await trx
    .deleteFrom('login_failures')
    .where('at', '<=', new Date(now.getTime() - windowMs(ctx)).toISOString())
    .execute();
}
