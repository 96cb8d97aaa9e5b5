import type { DocumentRequest, RouteResponse } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { abilities } from '../../core/policy/policy';
import type { DocumentRequestResource } from '../../core/policy/resources';
import type { SpaceFacts } from '../documents';
import { revealToken } from '../shares';
import { listFilesOf, listItemsOf, type RequestRow } from './requests.queries';

type Item = DocumentRequest['items'][number];

export const requestUrl = (publicUrl: string, token: string) => `${publicUrl}/r/${token}`;

export function requestResource(facts: SpaceFacts, id: string): DocumentRequestResource {
  const { spaceId, spaceStatus, myRole, capabilities } = facts;
  return { type: 'document_request', id, spaceId, spaceStatus, myRole, capabilities };
}

/** Items with their received files, by request id. `withDocuments` is false on the recipient's side. */
export async function itemsByRequest(db: DbOrTrx, requestIds: string[], withDocuments: boolean) {
  const items = await listItemsOf(db, requestIds);
  const files = await listFilesOf(
    db,
    items.map((item) => item.id),
  );
  const result = new Map<string, Item[]>();
  for (const item of items) {
    const list = result.get(item.request_id) ?? [];
    list.push({
      id: item.id,
      label: item.label,
      status: item.status,
      comment: item.comment,
      reviewedAt: item.reviewed_at,
      files: files
        .filter((file) => file.item_id === item.id)
        .map((file) => ({
          id: file.id,
          name: file.original_name,
          size: Number(file.size),
          uploadedAt: file.uploaded_at,
          documentId: withDocuments ? file.document_id : null,
        })),
    });
    result.set(item.request_id, list);
  }
  return result;
}

export function toDocumentRequest(
  ctx: RequestContext,
  facts: SpaceFacts,
  row: RequestRow,
  items: Item[],
): DocumentRequest {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    message: row.message,
    recipientName: row.recipient_name,
    recipientEmail: row.recipient_email,
    folder: { id: row.folder_id, name: row.folder_name ?? '' },
    dueAt: row.due_at,
    status: row.status,
    createdAt: row.created_at,
    createdBy: row.creator_name === null ? null : { id: row.created_by, name: row.creator_name },
    url: requestUrl(ctx.config.publicUrl, revealToken(ctx.config.secretKey, row.token_sealed) ?? ''),
    items,
    abilities: abilities(ctx.actor, requestResource(facts, row.id)),
  };
}

export function toPublicRequest(row: RequestRow, items: Item[]): RouteResponse<'getPublicRequest'> {
  return {
    title: row.title,
    message: row.message,
    recipientName: row.recipient_name,
    requestedBy: row.creator_name ?? '',
    dueAt: row.due_at,
    status: row.status,
    items,
  };
}
