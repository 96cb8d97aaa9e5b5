import type { DbOrTrx } from '../../../core/db/database';

/** What the thumbnail job needs of a version, with the key its blob was sealed with; no visibility check. */
export function unsafeGetVersionSource(db: DbOrTrx, versionId: string) {
  return db
    .selectFrom('document_versions as v')
    .innerJoin('blobs as b', 'b.sha256', 'v.blob_sha256')
    .select(['v.id', 'v.document_id', 'v.blob_sha256', 'v.mime_type', 'v.size', 'b.wrapped_key'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

/** The thumbnail of a version, with the key its blob was sealed with. */
export function getThumbnail(db: DbOrTrx, versionId: string) {
  return db
    .selectFrom('document_thumbnails as t')
    .innerJoin('blobs as b', 'b.sha256', 't.blob_sha256')
    .select(['t.version_id', 't.blob_sha256', 't.mime_type', 't.width', 't.height', 'b.wrapped_key'])
    .where('t.version_id', '=', versionId)
    .executeTakeFirst();
}

/**
 * A thumbnail already made from the same content (a restored version, a copy, the same file uploaded twice): the
 * job reuses its image instead of decoding the file again.
 */
export function findThumbnailOfContent(db: DbOrTrx, sourceSha256: string) {
  return db
    .selectFrom('document_thumbnails as t')
    .innerJoin('document_versions as v', 'v.id', 't.version_id')
    .select(['t.blob_sha256', 't.mime_type', 't.width', 't.height'])
    .where('v.blob_sha256', '=', sourceSha256)
    .limit(1)
    .executeTakeFirst();
}

/**
 * Records a version's thumbnail if the version still exists (retention may have pruned it while the image was being
 * made) and has none yet (the job may run twice): the row is inserted from a SELECT of the version, so neither case
 * is an error.
 */
export async function insertThumbnail(
  db: DbOrTrx,
  row: { versionId: string; sha256: string; mimeType: string; width: number; height: number; nowIso: string },
) {
  await db
    .insertInto('document_thumbnails')
    .columns(['version_id', 'blob_sha256', 'mime_type', 'width', 'height', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('document_versions')
        .select((s) => [
          'id',
          s.val(row.sha256).as('blob_sha256'),
          s.val(row.mimeType).as('mime_type'),
          // PostgreSQL types a bare parameter in a select list as text, which an integer column refuses.
          s.cast(s.val(row.width), 'integer').as('width'),
          s.cast(s.val(row.height), 'integer').as('height'),
          s.val(row.nowIso).as('created_at'),
        ])
        .where('id', '=', row.versionId),
    )
    .onConflict((conflict) => conflict.column('version_id').doNothing())
    .execute();
}
