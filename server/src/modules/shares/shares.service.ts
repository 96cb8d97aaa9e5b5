import type { RouteBody, ShareLink } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { actorId } from '../../core/auth/actor';
import { hashPassword } from '../../core/auth/passwords';
import { sealSecret } from '../../core/auth/secrets';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { hashToken, newId, newSecret } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { authorize, can } from '../../core/policy/policy';
import { authorizeDocument, authorizeFolder, folderResource, type SpaceFacts, spaceFacts } from '../documents';
import { expiryTooLong, recipientRequired } from './shares.errors';
import { currentLinkState } from './shares.liveness';
import { mailLocale, shareLinkMail } from './shares.mails';
import { shareLinkResource, toShareLink } from './shares.mappers';
import { shareUrl } from './shares.models';
import { getLinkById, insertLink, type LinkRow, listAccesses, listLinks, revokeLinkRow } from './shares.queries';

type CreateInput = RouteBody<'createDocumentShareLink'> & { target: { type: 'document' | 'folder'; id: string } };

export function shareLinkSettings(ctx: RequestContext) {
  return { defaultDays: ctx.config.SHARE_LINK_DEFAULT_DAYS, maxDays: ctx.config.SHARE_LINK_MAX_DAYS };
}

async function toLinks(ctx: RequestContext, facts: SpaceFacts, rows: LinkRow[]): Promise<ShareLink[]> {
  const links: ShareLink[] = [];
  for (const row of rows) links.push(toShareLink(ctx, facts, row, await currentLinkState(ctx, row)));
  return links;
}

async function reloadLink(ctx: RequestContext, facts: SpaceFacts, id: string): Promise<ShareLink> {
  const row = await getLinkById(ctx.db, id);
  if (!row) throw errors.notFound();
  return toShareLink(ctx, facts, row, await currentLinkState(ctx, row));
}

/** The target, authorized for `share.create` (contributors and up, not in the trash, active space). */
async function authorizeTarget(ctx: RequestContext, target: CreateInput['target']) {
  if (target.type === 'document') {
    const { doc, facts } = await authorizeDocument(ctx, { id: target.id, action: 'share.create' });
    return { facts, name: doc.name, documentId: doc.id, folderId: null };
  }
  const { folder, facts } = await authorizeFolder(ctx, { folderId: target.id, action: 'share.create' });
  if (!folder) throw errors.notFound();
  return { facts, name: folder.name, documentId: null, folderId: folder.id };
}

/** Creates a link; every link expires, within the administrators' maximum. */
export async function createShareLink(ctx: RequestContext, input: CreateInput): Promise<ShareLink> {
  const target = await authorizeTarget(ctx, input.target);
  const days = input.expiresInDays ?? ctx.config.SHARE_LINK_DEFAULT_DAYS;
  if (days > ctx.config.SHARE_LINK_MAX_DAYS) {
    throw expiryTooLong(`A link may stay valid for ${ctx.config.SHARE_LINK_MAX_DAYS} days at most.`);
  }
  const recipientEmail = input.recipientEmail ?? null;
  if ((input.requireEmail || input.sendToRecipient) && !recipientEmail) throw recipientRequired();
  const createdBy = actorId(ctx.actor);
  if (!createdBy) throw errors.forbidden('Share links are created by a person.');

  const now = ctx.clock.now();
  const token = newSecret();
  const id = newId();
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await insertLink(trx, {
      id,
      token_hash: hashToken(token),
      token_sealed: sealSecret(ctx.config.secretKey, token),
      space_id: target.facts.spaceId,
      document_id: target.documentId,
      folder_id: target.folderId,
      created_by: createdBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      password_hash: passwordHash,
      require_email: input.requireEmail ? 1 : 0,
      recipient_email: recipientEmail,
      max_downloads: input.maxDownloads ?? null,
      download_count: 0,
      note: input.note ?? '',
      revoked_at: null,
      revoked_by: null,
    });
    await record(trx, ctx, {
      action: 'share_link.created',
      target: { type: 'share_link', id, label: target.name },
      details: {
        spaceId: target.facts.spaceId,
        documentId: target.documentId,
        folderId: target.folderId,
        expiresAt,
        password: passwordHash !== null,
        maxDownloads: input.maxDownloads ?? null,
        requireEmail: Boolean(input.requireEmail),
        recipientEmail,
      },
    });
    if (input.sendToRecipient && recipientEmail) {
      const creator = await trx
        .selectFrom('users')
        .select(['name', 'locale'])
        .where('id', '=', createdBy)
        .executeTakeFirst();
      const message = shareLinkMail({
        to: recipientEmail,
        locale: mailLocale(creator?.locale),
        from: creator?.name ?? '',
        name: target.name,
        url: shareUrl(ctx.config.publicUrl, token),
        expiresAt,
        hasPassword: passwordHash !== null,
      });
      await enqueueMail(trx, now, message);
    }
  });
  if (input.sendToRecipient) ctx.wakeJobs();
  return reloadLink(ctx, target.facts, id);
}

/** Links of a file or folder: every link for the space's managers, one's own links for the others. */
export async function listTargetLinks(ctx: RequestContext, target: CreateInput['target']): Promise<ShareLink[]> {
  const { facts, where } =
    target.type === 'document'
      ? await authorizeDocument(ctx, { id: target.id, action: 'document.read' }).then((a) => ({
          facts: a.facts,
          where: { documentId: a.doc.id },
        }))
      : await authorizeFolder(ctx, { folderId: target.id, action: 'folder.read' }).then((a) => ({
          facts: a.facts,
          where: { folderId: a.folder?.id ?? '' },
        }));
  const manages = can(ctx.actor, 'share.manage', folderResource(facts, null));
  const rows = await listLinks(ctx.db, { ...where, ...(manages ? {} : { createdBy: actorId(ctx.actor) ?? '' }) });
  return toLinks(ctx, facts, rows);
}

/** Every link of a space: managers only. */
export async function listSpaceLinks(ctx: RequestContext, input: { spaceId: string }): Promise<ShareLink[]> {
  const { facts } = await authorizeFolder(ctx, { spaceId: input.spaceId, folderId: null, action: 'share.manage' });
  return toLinks(ctx, facts, await listLinks(ctx.db, { spaceId: facts.spaceId }));
}

async function authorizeLink(ctx: RequestContext, input: { id: string; action: 'share.read' | 'share.revoke' }) {
  const row = await getLinkById(ctx.db, input.id);
  if (!row) throw errors.notFound();
  const facts = await spaceFacts(ctx, row.space_id);
  authorize(ctx.actor, input.action, shareLinkResource(facts, row));
  return { row, facts };
}

export async function revokeShareLink(ctx: RequestContext, input: { id: string }): Promise<ShareLink> {
  const { row, facts } = await authorizeLink(ctx, { id: input.id, action: 'share.revoke' });
  if (!row.revoked_at) {
    await ctx.db.transaction().execute(async (trx) => {
      await revokeLinkRow(trx, { id: row.id, byId: actorId(ctx.actor), nowIso: ctx.clock.now().toISOString() });
      await record(trx, ctx, {
        action: 'share_link.revoked',
        target: { type: 'share_link', id: row.id, label: row.document_name ?? row.folder_name },
        details: { spaceId: row.space_id, documentId: row.document_id, folderId: row.folder_id },
      });
    });
  }
  return reloadLink(ctx, facts, row.id);
}

export async function shareLinkAccessLog(ctx: RequestContext, input: { id: string }) {
  const { row } = await authorizeLink(ctx, { id: input.id, action: 'share.read' });
  const entries = await listAccesses(ctx.db, row.id);
  return entries.map((entry) => ({
    at: entry.at,
    ip: entry.ip,
    email: entry.email,
    kind: entry.kind,
    what: entry.what,
    version: entry.version === null ? null : Number(entry.version),
    completed: entry.kind === 'unlocked' || entry.completed_at !== null,
  }));
}
