import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** Documents checked out, by folder: a WebDAV listing finds the few of a large folder without reading every row. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('documents_checked_out_idx')
    .on('documents')
    .columns(['folder_id', 'lock_expires_at'])
    .where(sql.ref('lock_user_id'), 'is not', null)
    .execute();
}
