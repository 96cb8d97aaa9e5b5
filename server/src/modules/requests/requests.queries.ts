import type { DbOrTrx } from '../../core/db/database';
import { newId } from '../../core/ids';
import type { DocumentRequestItemsTable, DocumentRequestsTable } from './requests.tables';

function selectRequests(db: DbOrTrx) {
  return db
    .selectFrom('document_requests as r')
    .leftJoin('folders as f', 'f.id', 'r.folder_id')
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .selectAll('r')
    .select([
      'f.name as folder_name',
      'cu.name as creator_name',
      'cu.email as creator_email',
      'cu.locale as creator_locale',
    ]);
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof getRequestById>>>;
type ItemRow = DocumentRequestItemsTable;

export function getRequestById(db: DbOrTrx, id: string) {
  return selectRequests(db).where('r.id', '=', id).executeTakeFirst();
}

export function getRequestByTokenHash(db: DbOrTrx, tokenHash: string) {
  return selectRequests(db).where('r.token_hash', '=', tokenHash).executeTakeFirst();
}

export function listRequestsOfSpace(db: DbOrTrx, spaceId: string) {
  return selectRequests(db)
    .where('r.space_id', '=', spaceId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
}

export function listItemsOf(db: DbOrTrx, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([] as ItemRow[]);
  return db
    .selectFrom('document_request_items')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .orderBy('position')
    .execute();
}

export function listFilesOf(db: DbOrTrx, itemIds: string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('document_request_files')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export function getItemById(db: DbOrTrx, id: string) {
  return db.selectFrom('document_request_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRequest(db: DbOrTrx, row: DocumentRequestsTable, labels: string[]) {
  await db.insertInto('document_requests').values(row).execute();
  await db
    .insertInto('document_request_items')
    .values(
      labels.map((label, position) => ({
        id: newId(),
        request_id: row.id,
        position,
        label,
        status: 'pending' as const,
        comment: '',
        reviewed_at: null,
        reviewed_by: null,
        updated_at: row.created_at,
      })),
    )
    .execute();
}

export function updateItem(
  db: DbOrTrx,
  args: {
    id: string;
    set: Partial<Pick<ItemRow, 'status' | 'comment' | 'reviewed_at' | 'reviewed_by' | 'updated_at'>>;
  },
) {
  return db.updateTable('document_request_items').set(args.set).where('id', '=', args.id).execute();
}

export function updateRequestRow(
  db: DbOrTrx,
  args: { id: string; set: Partial<Pick<DocumentRequestsTable, 'status' | 'updated_at'>> },
) {
  return db.updateTable('document_requests').set(args.set).where('id', '=', args.id).execute();
}

export function insertRequestFile(
  db: DbOrTrx,
  row: { id: string; itemId: string; documentId: string; originalName: string; size: number; nowIso: string },
) {
  return db
    .insertInto('document_request_files')
    .values({
      id: row.id,
      item_id: row.itemId,
      document_id: row.documentId,
      original_name: row.originalName,
      size: row.size,
      uploaded_at: row.nowIso,
    })
    .execute();
}
