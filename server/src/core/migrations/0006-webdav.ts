import type { Kysely } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** WebDAV: dead properties (PROPPATCH) and class 2 locks. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('webdav_properties')
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webdav_properties_pk', ['resource_id', 'namespace', 'name'])
    .execute();

  await db.schema
    .createTable('webdav_locks')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('path_key', 'text', (c) => c.notNull())
    .addColumn('root_href', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('depth', 'text', (c) => c.notNull())
    .addColumn('owner_xml', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('timeout_seconds', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('webdav_locks_path_idx').on('webdav_locks').column('path_key').execute();
}
