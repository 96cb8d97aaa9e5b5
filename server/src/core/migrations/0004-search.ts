import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Full-text search. SQLite: an FTS5 index (accents folded by the tokenizer, prefix indexes for type-ahead) over
 * `search_documents`, kept in step by triggers. PostgreSQL: a stored tsvector generated from folded copies of the
 * text (name weight A, tags/description B, body C) with a GIN index; no extension is required.
 */
export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: AnyDb) {
  await db.schema
    .createTable('search_documents')
    // INTEGER PRIMARY KEY is the rowid itself: stable across VACUUM, which the FTS index relies on.
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.id').onDelete('cascade'))
    .addColumn('version_id', 'text')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await sql`create virtual table search_fts using fts5(
    name, meta, body,
    content = 'search_documents', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`.execute(db);
  // The FTS5 external-content pattern: every change of search_documents (including deletes cascading from documents)
  // is mirrored into the index.
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts (rowid, name, meta, body) values (new.seq, new.name, new.meta, new.body);
  end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts (search_fts, rowid, name, meta, body) values ('delete', old.seq, old.name, old.meta, old.body);
  end`.execute(db);
  await sql`create trigger search_documents_au after update on search_documents begin
    insert into search_fts (search_fts, rowid, name, meta, body) values ('delete', old.seq, old.name, old.meta, old.body);
    insert into search_fts (rowid, name, meta, body) values (new.seq, new.name, new.meta, new.body);
  end`.execute(db);
}

async function upPostgres(db: AnyDb) {
  await db.schema
    .createTable('search_documents')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('version_id', 'text')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('meta_folded', 'text', (c) => c.notNull())
    .addColumn('body_folded', 'text', (c) => c.notNull())
    .addColumn('tsv', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('simple'::regconfig, name_folded), 'A')
            || setweight(to_tsvector('simple'::regconfig, meta_folded), 'B')
            || setweight(to_tsvector('simple'::regconfig, body_folded), 'C')`,
        )
        .stored(),
    )
    .execute();
  await db.schema.createIndex('search_documents_tsv_idx').on('search_documents').using('gin').column('tsv').execute();
}
