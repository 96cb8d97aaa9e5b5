import { createHmac, randomInt } from 'node:crypto';
import { openSecret } from '../../core/auth/secrets';
import type { ShareLinksTable } from './shares.tables';

export type LinkState = 'active' | 'expired' | 'revoked' | 'exhausted' | 'disabled';

/**
 * The state of a link, in order of precedence: revoked by someone, dead with its creator, past its expiry, out of
 * downloads. Only `active` links serve anything.
 */
export function linkState(
  link: Pick<ShareLinksTable, 'revoked_at' | 'expires_at' | 'max_downloads' | 'download_count'>,
  input: { nowIso: string; creatorMayShare: boolean },
): LinkState {
  if (link.revoked_at) return 'revoked';
  if (!input.creatorMayShare) return 'disabled';
  if (link.expires_at <= input.nowIso) return 'expired';
  if (link.max_downloads !== null && Number(link.download_count) >= Number(link.max_downloads)) return 'exhausted';
  return 'active';
}

export function downloadsLeft(link: Pick<ShareLinksTable, 'max_downloads' | 'download_count'>): number | null {
  if (link.max_downloads === null) return null;
  return Math.max(0, Number(link.max_downloads) - Number(link.download_count));
}

/** Six digits from the CSPRNG: short enough to type, and guessing is throttled like a password. */
export function newEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Codes have only 20 bits: a keyed hash (SECRET_KEY) rather than a bare SHA-256, so a copy of the database alone
 * does not let anyone recover a live code by trying the million candidates.
 */
export function emailCodeHash(secretKey: Buffer, linkId: string, code: string): string {
  return createHmac('sha256', secretKey).update(`share-code:${linkId}:${code}`).digest('hex');
}

/** The public address of a link or a request. */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}`;
}

/**
 * The clear token of a link or request, for showing its address again. Null when it can no longer be unsealed (the
 * SECRET_KEY changed): the link still works for whoever holds it, its address just cannot be displayed any more.
 */
export function revealToken(secretKey: Buffer, sealed: string): string | null {
  try {
    return openSecret(secretKey, sealed);
  } catch {
    return null;
  }
}
