import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * What a space stores, kept up to date instead of recomputed: each distinct blob its versions point at, with how many
 * versions do, and the space's total. Listing a folder and checking a quota read one row instead of scanning every
 * version of the space. Filled from the existing versions.
 */
export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const bytes = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('space_blobs')
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('blob_sha256', 'text', (c) => c.notNull())
    .addColumn('size', bytes, (c) => c.notNull())
    .addColumn('versions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_blobs_pk', ['space_id', 'blob_sha256'])
    .execute();
  await db.schema
    .createTable('space_usage')
    .addColumn('space_id', 'text', (c) => c.primaryKey().references('spaces.id').onDelete('cascade'))
    .addColumn('bytes', bytes, (c) => c.notNull())
    .execute();
  await sql`
    insert into space_blobs (space_id, blob_sha256, size, versions)
    select d.space_id, v.blob_sha256, max(v.size), count(*)
    from document_versions v join documents d on d.id = v.document_id
    group by d.space_id, v.blob_sha256`.execute(db);
  await sql`
    insert into space_usage (space_id, bytes)
    select space_id, sum(size) from space_blobs group by space_id`.execute(db);
}
