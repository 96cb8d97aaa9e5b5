import type { Kysely } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Thumbnails of document versions, made by the `documents.thumbnail` job. The image itself is a blob like any file
 * (so S3 and encryption at rest apply, and fsck knows it through its `blobs` row); the row goes with its version,
 * whether the version is pruned by retention or its document deleted.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('document_thumbnails')
    .addColumn('version_id', 'text', (c) => c.primaryKey().references('document_versions.id').onDelete('cascade'))
    .addColumn('blob_sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
