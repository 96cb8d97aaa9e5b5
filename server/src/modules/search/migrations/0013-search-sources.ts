import { type Kysely, sql } from 'kysely';
import { cleanText, foldText } from '../../../core/search/search-text';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The generic search index of sources other than documents (core/search/search.ts): SQLite FTS5 over
 * `search_entries`, kept in step by triggers; PostgreSQL a stored tsvector of folded copies (title A, body B) with a
 * GIN index. Existing folders and spaces are indexed here; from now on their modules index them as they change.
 */
export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  let table = db.schema
    .createTable('search_entries')
    .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // A space's entries go with it; entries of sources outside spaces have none.
    .addColumn('space_id', 'text', (c) => c.references('spaces.id').onDelete('cascade'))
    .addColumn('folder_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_entries_entity', ['kind', 'entity_id']);
  if (dialect === 'postgres') {
    table = table
      .addColumn('title_folded', 'text', (c) => c.notNull())
      .addColumn('body_folded', 'text', (c) => c.notNull())
      .addColumn('tsv', sql`tsvector`, (c) =>
        c
          .generatedAlwaysAs(
            sql`setweight(to_tsvector('simple'::regconfig, title_folded), 'A')
              || setweight(to_tsvector('simple'::regconfig, body_folded), 'B')`,
          )
          .stored(),
      );
  }
  await table.execute();
  await db.schema.createIndex('search_entries_space_idx').on('search_entries').column('space_id').execute();
  if (dialect === 'postgres') {
    await db.schema.createIndex('search_entries_tsv_idx').on('search_entries').using('gin').column('tsv').execute();
  } else await sqliteIndex(db);
  await backfill(db, dialect);
}

async function sqliteIndex(db: AnyDb) {
  await sql`create virtual table search_entries_fts using fts5(
    title, body,
    content = 'search_entries', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`.execute(db);
  await sql`create trigger search_entries_ai after insert on search_entries begin
    insert into search_entries_fts (rowid, title, body) values (new.seq, new.title, new.body);
  end`.execute(db);
  await sql`create trigger search_entries_ad after delete on search_entries begin
    insert into search_entries_fts (search_entries_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body);
  end`.execute(db);
  await sql`create trigger search_entries_au after update on search_entries begin
    insert into search_entries_fts (search_entries_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body);
    insert into search_entries_fts (rowid, title, body) values (new.seq, new.title, new.body);
  end`.execute(db);
}

type Entry = {
  kind: string;
  entity_id: string;
  space_id: string;
  folder_id: string | null;
  title: string;
  body: string;
  updated_at: string;
};

const BATCH = 500;

/** The same text as indexEntry writes (cleaned, and folded for PostgreSQL), a batch at a time. */
async function backfill(db: AnyDb, dialect: 'sqlite' | 'postgres') {
  const folders: Entry[] = await db
    .selectFrom('folders')
    .select([
      sql.lit('folder').as('kind'),
      'id as entity_id',
      'space_id',
      'parent_id as folder_id',
      'name as title',
      sql.lit('').as('body'),
      'updated_at',
    ])
    .execute();
  const spaces: Entry[] = await db
    .selectFrom('spaces')
    .select([
      sql.lit('space').as('kind'),
      'id as entity_id',
      'id as space_id',
      sql.lit(null).as('folder_id'),
      'name as title',
      'description as body',
      'updated_at',
    ])
    .execute();
  const rows = [...folders, ...spaces].map((entry) => {
    const title = cleanText(entry.title, 1_000);
    const body = cleanText(entry.body, 20_000);
    const folded = dialect === 'postgres' ? { title_folded: foldText(title), body_folded: foldText(body) } : {};
    return { ...entry, title, body, ...folded };
  });
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto('search_entries')
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
}
