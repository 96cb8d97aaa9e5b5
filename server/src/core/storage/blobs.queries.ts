import type { DbOrTrx } from '../db/database';
import type { PutResult } from './blob-store';

export type BlobRow = {
  sha256: string;
  size: number;
  wrappedKey: string | null;
  storage: 'local' | 's3';
  createdAt: string;
};

type BlobRecord = {
  sha256: string;
  size: number | string;
  wrapped_key: string | null;
  storage: 'local' | 's3';
  created_at: string;
};

function toBlobRow(row: BlobRecord): BlobRow {
  return {
    sha256: row.sha256,
    size: Number(row.size),
    wrappedKey: row.wrapped_key,
    storage: row.storage,
    createdAt: row.created_at,
  };
}

/**
 * Records a blob after `BlobStore.put`, inside the transaction that writes the row pointing at it. Identical content
 * is stored once, so a row may exist already: it is kept, and the row returned is the one in the database (use its
 * `wrappedKey`, the key the stored bytes were sealed with).
 */
export async function recordBlob(
  trx: DbOrTrx,
  blob: PutResult & { storage: 'local' | 's3'; createdAt: string },
): Promise<BlobRow> {
  await trx
    .insertInto('blobs')
    .values({
      sha256: blob.sha256,
      size: blob.size,
      wrapped_key: blob.wrappedKey,
      storage: blob.storage,
      created_at: blob.createdAt,
    })
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .execute();
  return (await getBlobRow(trx, blob.sha256)) as BlobRow;
}

export async function getBlobRow(db: DbOrTrx, sha256: string): Promise<BlobRow | null> {
  const row = await db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toBlobRow(row) : null;
}

/** One page of blob rows in hash order, after `after` (keyset pagination: stable while rows are added). */
export async function listBlobRows(db: DbOrTrx, args: { after: string | null; limit: number }): Promise<BlobRow[]> {
  const rows = await db
    .selectFrom('blobs')
    .selectAll()
    .$if(args.after !== null, (query) => query.where('sha256', '>', args.after as string))
    .orderBy('sha256')
    .limit(args.limit)
    .execute();
  return rows.map(toBlobRow);
}

/** Every blob row, page by page, without holding them all in memory. */
export async function* eachBlobRow(db: DbOrTrx, pageSize = 500): AsyncGenerator<BlobRow> {
  let after: string | null = null;
  for (;;) {
    const page = await listBlobRows(db, { after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].sha256;
  }
}

export async function deleteBlobRow(trx: DbOrTrx, sha256: string): Promise<void> {
  await trx.deleteFrom('blobs').where('sha256', '=', sha256).execute();
}
