import type { FastifyReply } from 'fastify';
import { record } from '../../core/audit/audit';
import { verifyPassword } from '../../core/auth/passwords';
import { newId } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { ensureNotThrottled, recordFailure } from '../identity';
import { invalidShareCode, wrongSharePassword } from './shares.errors';
import { shareCodeMail } from './shares.mails';
import { emailCodeHash, newEmailCode, shareUrl } from './shares.models';
import { consumeEmailCode, insertEmailCode } from './shares.queries';
import { authorizeLink, type OpenShare, openShare, saveGrant, type TokenRequest } from './shares.visitor';

const CODE_TTL_MINUTES = 15;

/** Guessing a link's password or code is throttled like signing in: per link and per address (429 + Retry-After). */
const guessKey = (share: OpenShare) => `share-link:${share.link.id}`;
/** Asking for codes is limited too, whatever the address typed, so the answer never tells the recipient apart. */
const sendKey = (share: OpenShare) => `share-code:${share.link.id}`;

async function failedGuess(share: OpenShare, what: 'password' | 'code') {
  const ctx = share.visitor;
  await ctx.db.transaction().execute(async (trx) => {
    await recordFailure(trx, ctx, guessKey(share));
    await record(trx, ctx, {
      action: 'share_link.unlock_failed',
      outcome: 'failure',
      target: { type: 'share_link', id: share.link.id },
      details: { spaceId: share.link.space_id, what },
    });
  });
}

export async function unlockWithPassword(request: TokenRequest, reply: FastifyReply, password: string) {
  const share = await openShare(request);
  authorizeLink(share, 'link.unlock');
  if (!share.link.password_hash || !share.needsPassword) return;
  await ensureNotThrottled(share.visitor, guessKey(share));
  if (!(await verifyPassword(share.link.password_hash, password))) {
    await failedGuess(share, 'password');
    throw wrongSharePassword();
  }
  await saveGrant(request, reply, share, { passwordOk: true });
}

/**
 * Sends a one-time code to the link's recipient when `email` is that address; answers the same way (202) for any
 * other address, so the page reveals nothing about who the recipient is.
 */
export async function sendEmailCode(request: TokenRequest, email: string) {
  const share = await openShare(request);
  authorizeLink(share, 'link.unlock');
  const ctx = share.visitor;
  if (share.link.require_email !== 1 || !share.link.recipient_email) return;
  // Per link only: asking for codes is not a failed guess, so it must not eat into the address's sign-in budget.
  const perLink = { ...ctx, ip: null };
  await ensureNotThrottled(perLink, sendKey(share));
  await ctx.db.transaction().execute(async (trx) => {
    await recordFailure(trx, perLink, sendKey(share));
    if (email.toLowerCase() !== share.link.recipient_email?.toLowerCase()) return;
    const now = ctx.clock.now();
    const code = newEmailCode();
    const minutes = CODE_TTL_MINUTES;
    await insertEmailCode(trx, {
      id: newId(),
      linkId: share.link.id,
      email: email.toLowerCase(),
      codeHash: emailCodeHash(ctx.config.secretKey, share.link.id, code),
      nowIso: now.toISOString(),
      expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
    });
    const url = shareUrl(ctx.config.publicUrl, share.token);
    await enqueueMail(trx, now, shareCodeMail({ to: email, code, url, minutes }));
  });
  ctx.wakeJobs();
}

/** The code proves the recipient's mailbox; it works once and only until it expires. */
export async function verifyEmailCode(request: TokenRequest, reply: FastifyReply, code: string) {
  const share = await openShare(request);
  authorizeLink(share, 'link.unlock');
  const ctx = share.visitor;
  if (share.link.require_email !== 1 || !share.needsEmail) return;
  await ensureNotThrottled(ctx, guessKey(share));
  const email = await consumeEmailCode(ctx.db, {
    linkId: share.link.id,
    codeHash: emailCodeHash(ctx.config.secretKey, share.link.id, code),
    nowIso: ctx.clock.now().toISOString(),
  });
  if (!email) {
    await failedGuess(share, 'code');
    throw invalidShareCode();
  }
  await saveGrant(request, reply, share, { email });
}
