import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ShareVisitorActor } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { hashToken, newId, newSecret } from '../../core/ids';
import { liveCreatorContext } from './creator.service';
import { downloadLimitReached, linkExpired, linkRevoked, shareLocked } from './shares.errors';
import { creatorServes } from './shares.liveness';
import { getGrant, getLinkByTokenHash, insertAccess, insertGrant, type LinkRow, updateGrant } from './shares.queries';

/** The visitor's proof (password given, e-mail verified) lives in a cookie scoped to the link's own path. */
export const SHARE_COOKIE = 'gatehouse_share';
const GRANT_HOURS = 12;

type GrantRow = NonNullable<Awaited<ReturnType<typeof getGrant>>>;

export type OpenShare = {
  token: string;
  link: LinkRow;
  grant: GrantRow | null;
  /** The visitor, as audited: "share link <id> (<verified e-mail>)". */
  visitor: RequestContext;
  /** The link's creator: the documents module is asked on their behalf, with their current rights. */
  creator: RequestContext;
  needsPassword: boolean;
  needsEmail: boolean;
  locked: boolean;
};

export type TokenRequest = FastifyRequest & { params: { token: string }; ctx: RequestContext };

/**
 * The link of a token, refused when it cannot serve: 404 unknown token; 410 revoked, expired, out of downloads, or
 * dead with its creator (disabled person or organization, lost membership, target in the trash). Every request on a
 * link goes through here, so each condition takes effect on the very next request.
 */
export async function openShare(request: TokenRequest): Promise<OpenShare> {
  const ctx = request.ctx;
  const nowIso = ctx.clock.now().toISOString();
  const link = await getLinkByTokenHash(ctx.db, hashToken(request.params.token));
  if (!link) throw errors.notFound('This link does not exist.');
  if (link.revoked_at) throw linkRevoked();
  if (link.expires_at <= nowIso) throw linkExpired();
  const creator = await liveCreatorContext(ctx, link.created_by);
  if (!creator || !(await creatorServes(creator, link))) throw linkRevoked();
  if (link.max_downloads !== null && Number(link.download_count) >= Number(link.max_downloads)) {
    throw downloadLimitReached();
  }
  const grantToken = request.cookies[SHARE_COOKIE];
  const grant = grantToken
    ? ((await getGrant(ctx.db, { linkId: link.id, tokenHash: hashToken(grantToken), nowIso })) ?? null)
    : null;
  const needsPassword = link.password_hash !== null && grant?.password_ok !== 1;
  const needsEmail = link.require_email === 1 && !grant?.email;
  const actor: ShareVisitorActor = {
    kind: 'share_visitor',
    via: 'share_link',
    grantId: link.id,
    email: grant?.email ?? null,
  };
  return {
    token: request.params.token,
    link,
    grant,
    visitor: { ...ctx, actor },
    creator,
    needsPassword,
    needsEmail,
    locked: needsPassword || needsEmail,
  };
}

/** Content needs every step done; the 401 carries its own code, so a client never mistakes it for a sign-in. */
export function ensureUnlocked(share: OpenShare): void {
  if (share.locked) throw shareLocked(share.needsPassword ? 'Enter the password first.' : 'Verify your e-mail first.');
}

function cookieOptions(request: FastifyRequest, token: string, maxAgeSeconds: number) {
  return {
    path: `/api/v1/share/${token}`,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.ctx.config.SECURE_COOKIES ?? request.protocol === 'https',
    maxAge: maxAgeSeconds,
  };
}

/**
 * Remembers a completed step for this browser: the grant the cookie already names, or a new one. A grant never
 * outlives its link, and it is only worth anything while the link itself still serves.
 */
export async function saveGrant(
  request: FastifyRequest,
  reply: FastifyReply,
  share: OpenShare,
  step: { passwordOk?: true; email?: string },
): Promise<void> {
  const ctx = request.ctx;
  const now = ctx.clock.now();
  const wasLocked = share.locked;
  const stillNeedsPassword = share.needsPassword && !step.passwordOk;
  const stillNeedsEmail = share.needsEmail && !step.email;
  await ctx.db.transaction().execute(async (trx) => {
    if (share.grant) {
      await updateGrant(trx, {
        id: share.grant.id,
        set: { ...(step.passwordOk ? { password_ok: 1 } : {}), ...(step.email ? { email: step.email } : {}) },
      });
    } else {
      const secret = newSecret();
      const until = Math.min(now.getTime() + GRANT_HOURS * 3_600_000, Date.parse(share.link.expires_at));
      await insertGrant(trx, {
        id: newId(),
        linkId: share.link.id,
        tokenHash: hashToken(secret),
        passwordOk: Boolean(step.passwordOk),
        email: step.email ?? null,
        nowIso: now.toISOString(),
        expiresAt: new Date(until).toISOString(),
      });
      reply.setCookie(
        SHARE_COOKIE,
        secret,
        cookieOptions(request, share.token, Math.floor((until - now.getTime()) / 1000)),
      );
    }
    if (wasLocked && !stillNeedsPassword && !stillNeedsEmail) {
      await insertAccess(trx, {
        id: newId(),
        link_id: share.link.id,
        at: now.toISOString(),
        ip: ctx.ip,
        email: step.email ?? share.grant?.email ?? null,
        kind: 'unlocked',
        document_id: null,
        what: share.link.document_name ?? share.link.folder_name ?? '',
        version: null,
        completed_at: now.toISOString(),
      });
    }
  });
}
