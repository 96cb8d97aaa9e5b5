import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database';

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

export async function insertVersion(
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
  await db
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
  await countBlobReference(db, row);
}

/**
 * One more version of the document's space points at the blob. The first one adds the blob's size to the space's
 * usage; the upsert's row lock keeps concurrent uploads of the same bytes from counting them twice.
 */
async function countBlobReference(db: DbOrTrx, row: { documentId: string; sha256: string; size: number }) {
  const counted = await db
    .insertInto('space_blobs')
    .columns(['space_id', 'blob_sha256', 'size', 'versions'])
    .expression((eb) =>
      eb
        .selectFrom('documents')
        .select([
          'space_id',
          eb.val(row.sha256).as('blob_sha256'),
          eb.val(row.size).as('size'),
          eb.lit(1).as('versions'),
        ])
        .where('id', '=', row.documentId),
    )
    .onConflict((oc) =>
      oc.columns(['space_id', 'blob_sha256']).doUpdateSet({ versions: sql<number>`space_blobs.versions + 1` }),
    )
    .returning(['space_id', 'versions'])
    .executeTakeFirstOrThrow();
  if (Number(counted.versions) === 1) await addUsage(db, counted.space_id, row.size);
}

async function addUsage(db: DbOrTrx, spaceId: string, bytes: number) {
  await db
    .insertInto('space_usage')
    .values({ space_id: spaceId, bytes })
    .onConflict((oc) => oc.column('space_id').doUpdateSet({ bytes: sql<number>`space_usage.bytes + ${bytes}` }))
    .execute();
}

/**
 * Removes version rows only. Their blobs stay: another version, document or space may point at the same bytes, and
 * an upload in flight may be about to; `gatehouse fsck` removes blobs nothing references. A blob no version of the
 * space points at any more stops counting in its usage.
 */
export async function deleteVersions(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return;
  const references = await db
    .selectFrom('document_versions as v')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .select((eb) => ['d.space_id', 'v.blob_sha256', eb.fn.countAll<number | string>().as('n')])
    .where('v.id', 'in', ids)
    .groupBy(['d.space_id', 'v.blob_sha256'])
    .execute();
  await db.deleteFrom('document_versions').where('id', 'in', ids).execute();
  for (const ref of references) {
    const left = await db
      .updateTable('space_blobs')
      .set({ versions: sql<number>`versions - ${Number(ref.n)}` })
      .where('space_id', '=', ref.space_id)
      .where('blob_sha256', '=', ref.blob_sha256)
      .returning(['versions', 'size'])
      .executeTakeFirst();
    if (!left || Number(left.versions) > 0) continue;
    await db
      .deleteFrom('space_blobs')
      .where('space_id', '=', ref.space_id)
      .where('blob_sha256', '=', ref.blob_sha256)
      .execute();
    await addUsage(db, ref.space_id, -Number(left.size));
  }
}
