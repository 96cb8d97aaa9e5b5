import type { DbOrTrx } from '../db/database';

/** A search_documents row as both engines write it (PostgreSQL adds the folded copies). */
export type IndexRow = {
  document_id: string;
  version_id: string | null;
  indexed_at: string;
  name: string;
  meta: string;
  body: string;
};

type FoldedColumns = { name_folded: string; meta_folded: string; body_folded: string };

/** Insert-or-replace of an entry; in SQLite, triggers mirror it into the FTS5 index. */
export async function upsertRow(trx: DbOrTrx, row: IndexRow & Partial<FoldedColumns>): Promise<void> {
  const { document_id: _key, ...changes } = row;
  await trx
    .insertInto('search_documents')
    .values(row)
    .onConflict((conflict) => conflict.column('document_id').doUpdateSet(changes))
    .execute();
}
