import type { DocumentRequest, RouteBody } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { actorId } from '../../core/auth/actor';
import { sealSecret } from '../../core/auth/secrets';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { hashToken, newId, newSecret } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { authorize } from '../../core/policy/policy';
import { authorizeFolder, type SpaceFacts, spaceFacts } from '../documents';
import { revealToken } from '../shares';
import { commentRequired, invalidDueDate, itemClosed, requestClosed } from './requests.errors';
import { rejectionMail, requestMail } from './requests.mails';
import { itemsByRequest, requestResource, requestUrl, toDocumentRequest } from './requests.mappers';
import {
  getItemById,
  getRequestById,
  insertRequest,
  listRequestsOfSpace,
  type RequestRow,
  updateItem,
  updateRequestRow,
} from './requests.queries';
import { scheduleReminders } from './requests.reminders';

type CreateInput = RouteBody<'createDocumentRequest'> & { spaceId: string };

async function reload(ctx: RequestContext, facts: SpaceFacts, id: string): Promise<DocumentRequest> {
  const row = await getRequestById(ctx.db, id);
  if (!row) throw errors.notFound();
  const items = await itemsByRequest(ctx.db, [row.id], true);
  return toDocumentRequest(ctx, facts, row, items.get(row.id) ?? []);
}

/** A manager asks an outsider for documents; the files will land in `folderId` (the root when null). */
export async function createDocumentRequest(ctx: RequestContext, input: CreateInput): Promise<DocumentRequest> {
  const folderId = input.folderId ?? null;
  const { facts } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId,
    action: 'request.create',
  });
  const now = ctx.clock.now();
  if (Date.parse(input.dueAt) <= now.getTime()) throw invalidDueDate();
  const createdBy = actorId(ctx.actor);
  if (!createdBy) throw errors.forbidden('Document requests are created by a person.');
  const token = newSecret();
  const id = newId();
  const dueAt = new Date(input.dueAt).toISOString();
  const locale = input.locale ?? 'en';
  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    await insertRequest(
      trx,
      {
        id,
        space_id: facts.spaceId,
        folder_id: folderId,
        created_by: createdBy,
        title: input.title,
        message: input.message ?? '',
        recipient_name: input.recipientName,
        recipient_email: input.recipientEmail,
        locale,
        token_hash: hashToken(token),
        token_sealed: sealSecret(ctx.config.secretKey, token),
        due_at: dueAt,
        status: 'open',
        created_at: nowIso,
        updated_at: nowIso,
      },
      input.items,
    );
    await record(trx, ctx, {
      action: 'document_request.created',
      target: { type: 'document_request', id, label: input.title },
      details: {
        spaceId: facts.spaceId,
        folderId,
        recipientEmail: input.recipientEmail,
        items: input.items.length,
        dueAt,
      },
    });
    const creator = ctx.actor.kind === 'user' ? ctx.actor.name : '';
    const url = requestUrl(ctx.config.publicUrl, token);
    const who = { to: input.recipientEmail, locale, recipientName: input.recipientName, requestedBy: creator };
    await enqueueMail(
      trx,
      now,
      requestMail({ ...who, title: input.title, url, items: input.items, dueAt, message: input.message ?? '' }),
    );
    await scheduleReminders(trx, now, { requestId: id, dueAt });
  });
  ctx.wakeJobs();
  return reload(ctx, facts, id);
}

/** Document requests of a space, newest first: managers only (like creating them). */
export async function listDocumentRequests(ctx: RequestContext, input: { spaceId: string }) {
  const { facts } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId: null,
    action: 'request.read',
  });
  const rows = await listRequestsOfSpace(ctx.db, facts.spaceId);
  const items = await itemsByRequest(
    ctx.db,
    rows.map((row) => row.id),
    true,
  );
  return rows.map((row) => toDocumentRequest(ctx, facts, row, items.get(row.id) ?? []));
}

async function authorizeRequest(
  ctx: RequestContext,
  input: { id: string; action: 'request.read' | 'request.review' | 'request.cancel' },
): Promise<{ row: RequestRow; facts: SpaceFacts }> {
  const row = await getRequestById(ctx.db, input.id);
  if (!row) throw errors.notFound();
  const facts = await spaceFacts(ctx, row.space_id);
  authorize(ctx.actor, input.action, requestResource(facts, row.id));
  return { row, facts };
}

export async function getDocumentRequest(ctx: RequestContext, input: { id: string }) {
  const { row, facts } = await authorizeRequest(ctx, { id: input.id, action: 'request.read' });
  return reload(ctx, facts, row.id);
}

/** Cancelling closes the upload page at once and stops the reminders (the job finds the request cancelled). */
export async function cancelDocumentRequest(ctx: RequestContext, input: { id: string }) {
  const { row, facts } = await authorizeRequest(ctx, { id: input.id, action: 'request.cancel' });
  if (row.status !== 'cancelled') {
    await ctx.db.transaction().execute(async (trx) => {
      await updateRequestRow(trx, {
        id: row.id,
        set: { status: 'cancelled', updated_at: ctx.clock.now().toISOString() },
      });
      await record(trx, ctx, {
        action: 'document_request.cancelled',
        target: { type: 'document_request', id: row.id, label: row.title },
        details: { spaceId: row.space_id },
      });
    });
  }
  return reload(ctx, facts, row.id);
}

/**
 * Approves or rejects what was received for an item. A rejection needs a comment and e-mails it to the recipient,
 * who may upload again; once every item is approved the request is complete.
 */
export async function reviewRequestItem(
  ctx: RequestContext,
  input: { id: string; decision: 'approve' | 'reject'; comment?: string },
) {
  const item = await getItemById(ctx.db, input.id);
  if (!item) throw errors.notFound();
  const { row, facts } = await authorizeRequest(ctx, { id: item.request_id, action: 'request.review' });
  if (row.status === 'cancelled') throw requestClosed();
  if (item.status === 'approved') throw itemClosed();
  if (item.status === 'pending') throw errors.conflict('Nothing was received for this item yet.');
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'reject' && !comment) throw commentRequired();
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const nowIso = now.toISOString();
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await updateItem(trx, {
      id: item.id,
      set: { status, comment, reviewed_at: nowIso, reviewed_by: actorId(ctx.actor), updated_at: nowIso },
    });
    const siblings = await trx
      .selectFrom('document_request_items')
      .select('status')
      .where('request_id', '=', row.id)
      .execute();
    const complete = siblings.every((sibling) => sibling.status === 'approved');
    await updateRequestRow(trx, { id: row.id, set: { status: complete ? 'complete' : 'open', updated_at: nowIso } });
    await record(trx, ctx, {
      action: input.decision === 'approve' ? 'document_request.item_approved' : 'document_request.item_rejected',
      target: { type: 'document_request', id: row.id, label: row.title },
      details: { spaceId: row.space_id, itemId: item.id, item: item.label, comment },
    });
    if (input.decision === 'reject') {
      const url = requestUrl(ctx.config.publicUrl, revealToken(ctx.config.secretKey, row.token_sealed) ?? '');
      const message = rejectionMail({
        to: row.recipient_email,
        locale: row.locale,
        recipientName: row.recipient_name,
        requestedBy: ctx.actor.kind === 'user' ? ctx.actor.name : (row.creator_name ?? ''),
        title: row.title,
        url,
        item: item.label,
        comment,
      });
      await enqueueMail(trx, now, message);
    }
  });
  if (input.decision === 'reject') ctx.wakeJobs();
  return reload(ctx, facts, row.id);
}
