import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { NodeName } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { isUniqueViolation } from '../../core/db/dialect';
import { AppError, errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { addReceivedDocument, storeFile } from '../documents';
import { itemClosed, requestClosed } from './requests.errors';
import { receivedMail } from './requests.mails';
import { authorizeRequestLink, type OpenRequest } from './requests.public.service';
import { getItemById, insertRequestFile, updateItem, updateRequestRow } from './requests.queries';

const ATTEMPTS = 3;

function ensureValidName(fileName: string): string {
  const parsed = NodeName.safeParse(fileName);
  if (parsed.success) return parsed.data;
  throw new AppError('http.validation_failed', 400, 'Invalid request', 'This file name cannot be used.', {}, [
    { path: 'file.filename', message: parsed.error.issues[0]?.message ?? 'invalid' },
  ]);
}

/** "Kbis extract — statuts.pdf", then "Kbis extract — statuts (2).pdf"…, within 255 characters, extension kept. */
export function receivedName(label: string, original: string, attempt: number): string {
  const extension = extname(original);
  const base = `${label.replace(/[/\\]/g, '-')} — ${extension ? original.slice(0, -extension.length) : original}`;
  const suffix = attempt === 1 ? '' : ` (${attempt})`;
  return `${base.slice(0, 255 - suffix.length - extension.length)}${suffix}${extension}`;
}

/**
 * Receives one file for one item: streamed into the file store like every upload (never buffered), then in one
 * transaction a new document in the destination folder, its version, the audit record naming the request, the link
 * between item and document, the item's new state, a note to the manager and the folder's followers.
 */
export async function receiveRequestFile(
  open: OpenRequest,
  input: { itemId: string; fileName: string; stream: Readable },
): Promise<void> {
  authorizeRequestLink(open, 'link.upload');
  const { row, visitor: ctx } = open;
  const item = await getItemById(ctx.db, input.itemId);
  if (!item || item.request_id !== row.id) throw errors.notFound();
  if (item.status === 'approved') throw itemClosed();
  const original = ensureValidName(input.fileName);
  const put = await storeFile(ctx, row.space_id, input.stream);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const current = await getItemById(trx, item.id);
        if (!current || current.status === 'approved') throw itemClosed();
        const request = await trx
          .selectFrom('document_requests')
          .select('status')
          .where('id', '=', row.id)
          .executeTakeFirst();
        if (request?.status !== 'open') throw requestClosed();
        const now = ctx.clock.now();
        const nowIso = now.toISOString();
        const { documentId, name, version } = await addReceivedDocument(trx, ctx, {
          spaceId: row.space_id,
          folderId: row.folder_id,
          nameFor: (n) => receivedName(item.label, original, n),
          description: `${row.recipient_name} <${row.recipient_email}> — ${row.title}`,
          comment: item.label,
          put,
        });
        await record(trx, ctx, {
          action: 'document.uploaded',
          target: { type: 'document', id: documentId, label: name },
          details: {
            spaceId: row.space_id,
            folderId: row.folder_id,
            version,
            size: put.size,
            sha256: put.sha256,
            via: 'document_request',
            requestId: row.id,
            itemId: item.id,
          },
        });
        await insertRequestFile(trx, {
          id: newId(),
          itemId: item.id,
          documentId,
          originalName: original,
          size: put.size,
          nowIso,
        });
        await updateItem(trx, { id: item.id, set: { status: 'received', updated_at: nowIso } });
        await updateRequestRow(trx, { id: row.id, set: { updated_at: nowIso } });
        if (row.creator_email) {
          const url = `${ctx.config.publicUrl}/spaces/${row.space_id}?tab=requests`;
          const from = `${row.recipient_name} <${row.recipient_email}>`;
          const message = receivedMail({
            to: row.creator_email,
            locale: row.creator_locale,
            from,
            title: row.title,
            item: item.label,
            url,
          });
          await enqueueMail(trx, now, message);
        }
      });
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
  ctx.wakeJobs();
}
