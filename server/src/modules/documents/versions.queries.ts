import type { DbOrTrx } from '../../core/db/database';

function selectVersions(db: DbOrTrx) {
  return db
    .selectFrom('document_versions as v')
    .leftJoin('users as au', 'au.id', 'v.author_id')
    .select([
      'v.id',
      'v.document_id',
      'v.number',
      'v.blob_sha256',
      'v.size',
      'v.mime_type',
      'v.author_id',
      'v.comment',
      'v.created_at',
      'au.name as author_name',
    ]);
}

export type VersionRow = NonNullable<Awaited<ReturnType<typeof getVersionById>>>;

/** Versions of a document, newest first. */
export function listVersionsOf(db: DbOrTrx, documentId: string) {
  return selectVersions(db).where('v.document_id', '=', documentId).orderBy('v.number', 'desc').execute();
}

export function getVersionById(db: DbOrTrx, args: { documentId: string; versionId: string }) {
  return selectVersions(db)
    .where('v.document_id', '=', args.documentId)
    .where('v.id', '=', args.versionId)
    .executeTakeFirst();
}

export function getVersionByNumber(db: DbOrTrx, args: { documentId: string; number: number }) {
  return selectVersions(db)
    .where('v.document_id', '=', args.documentId)
    .where('v.number', '=', args.number)
    .executeTakeFirst();
}

export async function lastVersionNumber(db: DbOrTrx, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function insertVersion(
  db: DbOrTrx,
  row: {
    id: string;
    documentId: string;
    number: number;
    sha256: string;
    size: number;
    mimeType: string;
    authorId: string | null;
    comment: string;
    nowIso: string;
  },
) {
  return db
    .insertInto('document_versions')
    .values({
      id: row.id,
      document_id: row.documentId,
      number: row.number,
      blob_sha256: row.sha256,
      size: row.size,
      mime_type: row.mimeType,
      author_id: row.authorId,
      comment: row.comment,
      created_at: row.nowIso,
    })
    .execute();
}

/**
 * Removes version rows only. Their blobs stay: another version, document or space may point at the same bytes, and
 * an upload in flight may be about to; `gatehouse fsck` removes blobs nothing references.
 */
export function deleteVersions(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve();
  return db.deleteFrom('document_versions').where('id', 'in', ids).execute();
}
