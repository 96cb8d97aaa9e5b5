import type { FastifyReply, FastifyRequest } from 'fastify';
import { record } from '../../core/audit/audit';
import type { ShareVisitorActor } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { emit } from '../../core/events/events';
import { errors } from '../../core/http/errors';
import { hashToken, newId, newSecret } from '../../core/ids';
import { authorize, can } from '../../core/policy/policy';
import type { LinkResource } from '../../core/policy/resources';
import { liveCreatorContext } from './creator.service';
import { downloadLimitReached, linkExpired, linkRevoked, shareLocked } from './shares.errors';
import { creatorServes } from './shares.liveness';
import { getGrant, getLinkByTokenHash, insertAccess, insertGrant, type LinkRow, updateGrant } from './shares.queries';

/** The visitor's proof (password given, e-mail verified) lives in a cookie scoped to the link's own path. */
const SHARE_COOKIE = 'gatehouse_share';
const GRANT_HOURS = 12;

type GrantRow = NonNullable<Awaited<ReturnType<typeof getGrant>>>;

export type OpenShare = {
  token: string;
  link: LinkRow;
  grant: GrantRow | null;
  /** The visitor, as audited: "share link <id> (<verified e-mail>)". */
  visitor: RequestContext;
  /** The link's creator (while they could still share it): the documents module is asked on their behalf. */
  creator: RequestContext | null;
  /** The link as the policy's `link` rules see it. */
  resource: LinkResource;
  needsPassword: boolean;
  needsEmail: boolean;
  locked: boolean;
};

export type TokenRequest = FastifyRequest & { params: { token: string }; ctx: RequestContext };

/** Whether the link still serves, and if not why: its creator's current rights are part of it. */
async function stateOf(ctx: RequestContext, link: LinkRow, creator: RequestContext | null) {
  const nowIso = ctx.clock.now().toISOString();
  if (link.revoked_at) return 'revoked' as const;
  if (link.expires_at <= nowIso) return 'expired' as const;
  if (!creator || !(await creatorServes(creator, link))) return 'revoked' as const;
  if (link.max_downloads !== null && Number(link.download_count) >= Number(link.max_downloads)) {
    return 'exhausted' as const;
  }
  return 'live' as const;
}

/**
 * Asks the policy whether the link's holder may do this; a refusal is told with the link's own answer (410 revoked,
 * expired or out of downloads, 401 locked) rather than a bare 403, since the holder already knows the link exists.
 */
export function authorizeLink(share: OpenShare, action: 'link.open' | 'link.unlock' | 'link.download'): void {
  const { actor } = share.visitor;
  if (can(actor, action, share.resource)) return;
  const { state, locked } = share.resource;
  if (state === 'revoked') throw linkRevoked();
  if (state === 'expired') throw linkExpired();
  if (state === 'exhausted') throw downloadLimitReached();
  if (locked) throw shareLocked(share.needsPassword ? 'Enter the password first.' : 'Verify your e-mail first.');
  authorize(actor, action, share.resource);
}

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
  // A revoked or expired link needs no question about its creator.
  const creator = link.revoked_at || link.expires_at <= nowIso ? null : await liveCreatorContext(ctx, link.created_by);
  const state = await stateOf(ctx, link, creator);
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
  const locked = needsPassword || needsEmail;
  const share: OpenShare = {
    token: request.params.token,
    link,
    grant,
    visitor: { ...ctx, actor },
    creator,
    resource: { type: 'link', kind: 'share', id: link.id, state, locked },
    needsPassword,
    needsEmail,
    locked,
  };
  authorizeLink(share, 'link.open');
  return share;
}

/**
 * Content (listing, download, zip) is the policy's `link.download`: every step done, within the link's limits. The
 * 401 of a locked link carries its own code, so a client never mistakes it for a sign-in. Returns the creator, whom
 * the documents module is asked on behalf of.
 */
export function ensureUnlocked(share: OpenShare): RequestContext {
  authorizeLink(share, 'link.download');
  if (!share.creator) throw linkRevoked();
  return share.creator;
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

/** The visitor as audited once the step is passed: with the e-mail address just verified. */
function visitorAfter(share: OpenShare, step: { email?: string }): RequestContext {
  const actor = share.visitor.actor as ShareVisitorActor;
  return step.email ? { ...share.visitor, actor: { ...actor, email: step.email } } : share.visitor;
}

/**
 * Remembers a completed step for this browser: the grant the cookie already names, or a new one. A grant never
 * outlives its link, and it is only worth anything while the link itself still serves. Each step passed is audited,
 * like the failed guesses, with the visitor as actor.
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
    await record(trx, visitorAfter(share, step), {
      action: 'share_link.unlocked',
      target: { type: 'share_link', id: share.link.id },
      details: {
        spaceId: share.link.space_id,
        what: step.passwordOk ? 'password' : 'code',
        unlocked: !stillNeedsPassword && !stillNeedsEmail,
      },
    });
    if (wasLocked && !stillNeedsPassword && !stillNeedsEmail) {
      const email = step.email ?? share.grant?.email ?? null;
      await emit(trx, visitorAfter(share, step), {
        name: 'share.unlocked',
        payload: {
          linkId: share.link.id,
          spaceId: share.link.space_id,
          documentId: share.link.document_id,
          folderId: share.link.folder_id,
          email,
        },
      });
      await insertAccess(trx, {
        id: newId(),
        link_id: share.link.id,
        at: now.toISOString(),
        ip: ctx.ip,
        email,
        kind: 'unlocked',
        document_id: null,
        what: share.link.document_name ?? share.link.folder_name ?? '',
        version: null,
        completed_at: now.toISOString(),
      });
    }
  });
}
