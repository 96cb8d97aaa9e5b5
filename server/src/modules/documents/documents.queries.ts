import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database';

function selectDocuments(db: DbOrTrx) {
  return db
    .selectFrom('documents as d')
    .leftJoin('users as ub', 'ub.id', 'd.updated_by')
    .leftJoin('users as lu', 'lu.id', 'd.lock_user_id')
    .leftJoin('document_thumbnails as t', 't.version_id', 'd.current_version_id')
    .select([
      'd.id',
      'd.space_id',
      'd.folder_id',
      'd.name',
      'd.name_key',
      'd.current_version_id',
      'd.version',
      'd.size',
      'd.mime_type',
      'd.description',
      'd.tags',
      'd.created_by',
      'd.updated_by',
      'd.created_at',
      'd.updated_at',
      'd.trashed_at',
      'd.trash_root_id',
      'd.lock_user_id',
      'd.lock_expires_at',
      'ub.name as updated_by_name',
      'lu.name as lock_user_name',
      't.version_id as thumbnail_version_id',
    ]);
}

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof getDocumentById>>>;

/** One document, whatever the actor: the caller authorizes it through its space. */
export function getDocumentById(db: DbOrTrx, id: string) {
  return selectDocuments(db).where('d.id', '=', id).executeTakeFirst();
}

export function findLiveDocumentByName(
  db: DbOrTrx,
  args: { spaceId: string; folderId: string | null; nameKey: string },
) {
  return selectDocuments(db)
    .where('d.space_id', '=', args.spaceId)
    .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
    .where('d.name_key', '=', args.nameKey)
    .where('d.trashed_at', 'is', null)
    .executeTakeFirst();
}

/** Where a page of a listing starts: after this (name key, id) pair, in listing order. */
export type After = { key: string; id: string } | null;

/**
 * Rows after `after` in (name key, id) order, for the documents (`d`) or folders (`f`) of a listing. The `>=` on the
 * name key alone lets both engines range-scan the folder's name index; the OR settles ties.
 */
export function startsAfter(alias: 'd' | 'f', after: NonNullable<After>) {
  const key = sql.ref(`${alias}.name_key`);
  const id = sql.ref(`${alias}.id`);
  return sql<boolean>`${key} >= ${after.key} and (${key} > ${after.key} or ${id} > ${after.id})`;
}

/** Documents of a folder (or of the root), live or in the trash, by name; one page of them when `limit` is given. */
export function listFolderDocuments(
  db: DbOrTrx,
  args: { spaceId: string; folderId: string | null; trashed: boolean; after?: After; limit?: number },
) {
  let query = selectDocuments(db)
    .where('d.space_id', '=', args.spaceId)
    .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
    .where('d.trashed_at', args.trashed ? 'is not' : 'is', null);
  if (args.after) query = query.where(startsAfter('d', args.after));
  if (args.limit !== undefined) query = query.limit(args.limit);
  return query.orderBy('d.name_key').orderBy('d.id').execute();
}

/** Documents someone put in the trash themselves (not those that went with a trashed folder), a page at a time. */
export function listTrashedRootDocuments(db: DbOrTrx, args: { spaceId: string; after?: After; limit?: number }) {
  let query = selectDocuments(db)
    .where('d.space_id', '=', args.spaceId)
    .where('d.trashed_at', 'is not', null)
    .where('d.trash_root_id', 'is', null);
  if (args.after) query = query.where(startsAfter('d', args.after));
  if (args.limit !== undefined) query = query.limit(args.limit);
  return query.orderBy('d.name_key').orderBy('d.id').execute();
}

/**
 * Every live document of a folder with only what a WebDAV listing shows, the current blob hash joined in: one
 * set-based query, so a 10,000-file folder costs one scan of the folder's index. Each column costs on every row (a
 * 10,000-row answer is mostly the making of its values), hence no id and no lock columns: members are told apart by
 * name, unique among the live items of a folder, and check-outs come from `listCheckedOutIn`.
 */
export function listFolderEntries(db: DbOrTrx, args: { spaceId: string; folderId: string | null }) {
  return db
    .selectFrom('documents as d')
    .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .select(['d.name', 'd.size', 'd.mime_type', 'd.created_at', 'd.updated_at', 'v.blob_sha256'])
    .where('d.space_id', '=', args.spaceId)
    .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
    .where('d.trashed_at', 'is', null)
    .orderBy('d.name_key')
    .orderBy('d.id')
    .execute();
}

/** The live documents of a folder checked out right now, with who holds each (a small partial index finds them). */
export function listCheckedOutIn(db: DbOrTrx, args: { spaceId: string; folderId: string | null; nowIso: string }) {
  return db
    .selectFrom('documents as d')
    .innerJoin('users as lu', 'lu.id', 'd.lock_user_id')
    .select(['d.name', 'lu.name as holder_name'])
    .where('d.lock_user_id', 'is not', null)
    .where('d.space_id', '=', args.spaceId)
    .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
    .where('d.trashed_at', 'is', null)
    .where('d.lock_expires_at', '>', args.nowIso)
    .execute();
}

export type FolderEntryRow = Awaited<ReturnType<typeof listFolderEntries>>[number];

/** The stamp of a folder listing (0 until something changed in it); see `ListingStampsTable`. */
export async function listingStamp(db: DbOrTrx, args: { spaceId: string; folderId: string | null }): Promise<number> {
  const row = await db
    .selectFrom('listing_stamps')
    .select('stamp')
    .where('folder_key', '=', args.folderId ?? args.spaceId)
    .executeTakeFirst();
  return Number(row?.stamp ?? 0);
}

/** How many documents someone put in the trash themselves. */
export async function countTrashedRootDocuments(db: DbOrTrx, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('documents as d')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('d.space_id', '=', spaceId)
    .where('d.trashed_at', 'is not', null)
    .where('d.trash_root_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many documents a folder listing holds in all, live or trashed. */
export async function countFolderDocuments(
  db: DbOrTrx,
  args: { spaceId: string; folderId: string | null; trashed: boolean },
): Promise<number> {
  const row = await db
    .selectFrom('documents as d')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('d.space_id', '=', args.spaceId)
    .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
    .where('d.trashed_at', args.trashed ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Live documents of the given folders with what a zip entry needs (current blob and its key). */
export function listLiveDocumentsIn(db: DbOrTrx, folderIds: string[]) {
  return db
    .selectFrom('documents as d')
    .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .innerJoin('blobs as b', 'b.sha256', 'v.blob_sha256')
    .select([
      'd.id',
      'd.space_id',
      'd.folder_id',
      'd.name',
      'd.updated_at',
      'd.version',
      'v.blob_sha256',
      'v.size',
      'b.wrapped_key',
    ])
    .where('d.folder_id', 'in', folderIds)
    .where('d.trashed_at', 'is', null)
    .orderBy('d.name_key')
    .execute();
}

/** Whether a live document in these folders is locked (unexpired) by someone other than `userId`. */
export async function hasForeignLockIn(
  db: DbOrTrx,
  args: { folderIds: string[]; userId: string | null; nowIso: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('folder_id', 'in', args.folderIds)
    .where('trashed_at', 'is', null)
    .where('lock_user_id', 'is not', null)
    .where('lock_user_id', '!=', args.userId ?? '')
    .where('lock_expires_at', '>', args.nowIso)
    .executeTakeFirst();
  return Boolean(row);
}

export function insertDocument(
  db: DbOrTrx,
  row: {
    id: string;
    spaceId: string;
    folderId: string | null;
    name: string;
    nameKey: string;
    mimeType: string;
    description?: string;
    tags?: string[];
    byId: string | null;
    nowIso: string;
  },
) {
  return db
    .insertInto('documents')
    .values({
      id: row.id,
      space_id: row.spaceId,
      folder_id: row.folderId,
      name: row.name,
      name_key: row.nameKey,
      current_version_id: null,
      version: 0,
      size: 0,
      mime_type: row.mimeType,
      description: row.description ?? '',
      tags: JSON.stringify(row.tags ?? []),
      created_by: row.byId,
      updated_by: row.byId,
      created_at: row.nowIso,
      updated_at: row.nowIso,
      trashed_at: null,
      trashed_by: null,
      trash_root_id: null,
      lock_user_id: null,
      lock_expires_at: null,
    })
    .execute();
}

export type DocumentChanges = Partial<{
  name: string;
  name_key: string;
  folder_id: string | null;
  description: string;
  tags: string;
  mime_type: string;
  current_version_id: string;
  version: number;
  size: number;
  trashed_at: string | null;
  trashed_by: string | null;
  trash_root_id: string | null;
  lock_user_id: string | null;
  lock_expires_at: string | null;
}>;

export function updateDocumentRow(
  db: DbOrTrx,
  args: { id: string; byId: string | null; nowIso: string; set: DocumentChanges },
) {
  return db
    .updateTable('documents')
    .set({ ...args.set, updated_by: args.byId, updated_at: args.nowIso })
    .where('id', '=', args.id)
    .execute();
}

/** A no-op write that takes the row lock in PostgreSQL (held until commit). */
export function touchDocumentRow(db: DbOrTrx, id: string) {
  return db
    .updateTable('documents')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .execute();
}

/** Lock changes are not edits of the document: they leave updated_at/updated_by alone. */
export function setDocumentLock(db: DbOrTrx, args: { id: string; userId: string | null; expiresAt: string | null }) {
  return db
    .updateTable('documents')
    .set({ lock_user_id: args.userId, lock_expires_at: args.expiresAt })
    .where('id', '=', args.id)
    .execute();
}

/**
 * Bytes a space holds: each distinct blob referenced by any version (current or old) of any of its documents, live or
 * in the trash, counted once. That is what the file store keeps for the space: copies and restored versions share
 * their blob and cost nothing; old versions and trashed documents still occupy storage until retention removes them.
 * Kept up to date by the versions queries (space_blobs, space_usage), so reading it is one row.
 */
export async function spaceUsageBytes(db: DbOrTrx, spaceId: string): Promise<number> {
  const row = await db.selectFrom('space_usage').select('bytes').where('space_id', '=', spaceId).executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/** Whether some version of a document of the space already points at this blob (then it costs no quota). */
export async function spaceHoldsBlob(db: DbOrTrx, args: { spaceId: string; sha256: string }): Promise<boolean> {
  const row = await db
    .selectFrom('space_blobs')
    .select('versions')
    .where('space_id', '=', args.spaceId)
    .where('blob_sha256', '=', args.sha256)
    .executeTakeFirst();
  return Boolean(row);
}

export function getDocumentSettings(db: DbOrTrx, spaceId: string) {
  return db.selectFrom('space_document_settings').selectAll().where('space_id', '=', spaceId).executeTakeFirst();
}

export async function saveDocumentSettings(
  db: DbOrTrx,
  row: {
    spaceId: string;
    quotaBytes: number | null;
    keepVersions: number | null;
    keepDays: number | null;
    byId: string | null;
    nowIso: string;
  },
) {
  const values = {
    quota_bytes: row.quotaBytes,
    keep_versions: row.keepVersions,
    keep_days: row.keepDays,
    updated_at: row.nowIso,
    updated_by: row.byId,
  };
  await db
    .insertInto('space_document_settings')
    .values({ space_id: row.spaceId, ...values })
    .onConflict((oc) => oc.column('space_id').doUpdateSet(values))
    .execute();
}

const CONSULTATION_ACTIONS = ['document.downloaded', 'document.previewed'] as const;

/** Audit events that read a document's content, newest first. */
export function listDocumentConsultations(db: DbOrTrx, args: { documentId: string; limit: number }) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'action', 'actor_id', 'actor_label', 'ip', 'details'])
    .where('target_type', '=', 'document')
    .where('target_id', '=', args.documentId)
    .where('action', 'in', [...CONSULTATION_ACTIONS])
    .orderBy('seq', 'desc')
    .limit(args.limit)
    .execute();
}
