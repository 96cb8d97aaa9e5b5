import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Folders, documents, their versions and per-space document settings. Version rows point at `blobs` (0002) by hash;
 * no file name ever reaches the file store.
 */
export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  // Files may exceed 2 GiB: PostgreSQL needs bigint; SQLite integers are already 64-bit.
  const bytes = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('folders.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('trashed_at', 'text')
    .addColumn('trashed_by', 'text')
    .addColumn('trash_root_id', 'text')
    .execute();
  // NULL never equals NULL in a unique index, so the root of a space (parent_id null) needs its own index.
  await db.schema
    .createIndex('folders_live_name_uq')
    .on('folders')
    .columns(['parent_id', 'name_key'])
    .unique()
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('parent_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('folders_live_root_name_uq')
    .on('folders')
    .columns(['space_id', 'name_key'])
    .unique()
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('parent_id'), 'is', null)
    .execute();
  await db.schema.createIndex('folders_space_parent_idx').on('folders').columns(['space_id', 'parent_id']).execute();
  await db.schema.createIndex('folders_parent_idx').on('folders').column('parent_id').execute();
  await db.schema.createIndex('folders_trash_root_idx').on('folders').column('trash_root_id').execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('folder_id', 'text', (c) => c.references('folders.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    // No foreign key: the document row is written before its first version, in the same transaction.
    .addColumn('current_version_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('size', bytes, (c) => c.notNull().defaultTo(0))
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('trashed_at', 'text')
    .addColumn('trashed_by', 'text')
    .addColumn('trash_root_id', 'text')
    .addColumn('lock_user_id', 'text')
    .addColumn('lock_expires_at', 'text')
    .execute();
  await db.schema
    .createIndex('documents_live_name_uq')
    .on('documents')
    .columns(['folder_id', 'name_key'])
    .unique()
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('folder_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('documents_live_root_name_uq')
    .on('documents')
    .columns(['space_id', 'name_key'])
    .unique()
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('folder_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('documents_space_folder_idx')
    .on('documents')
    .columns(['space_id', 'folder_id'])
    .execute();
  await db.schema.createIndex('documents_folder_idx').on('documents').column('folder_id').execute();
  await db.schema.createIndex('documents_trash_root_idx').on('documents').column('trash_root_id').execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('size', bytes, (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_number_uq', ['document_id', 'number'])
    .execute();
  await db.schema.createIndex('document_versions_blob_idx').on('document_versions').column('blob_sha256').execute();

  await db.schema
    .createTable('space_document_settings')
    .addColumn('space_id', 'text', (c) => c.primaryKey().references('spaces.id').onDelete('cascade'))
    .addColumn('quota_bytes', bytes)
    .addColumn('keep_versions', 'integer')
    .addColumn('keep_days', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
