import type { ColumnType, Generated } from 'kysely';

/**
 * One row per indexed document: the words it is found by (name, tags and description, extracted text) and the
 * version the text came from. Everything else a search filters on (space, type, dates, trash) is read from
 * `documents` at query time, so a move, rename or trash counts at once, before any indexing job has run.
 */
export type SearchDocumentsTable = {
  /** SQLite only: the rowid the FTS5 table `search_fts` is keyed by (a stable INTEGER PRIMARY KEY). */
  seq: Generated<number>;
  document_id: string;
  /** The document version the text was extracted from; lets a rename re-index without extracting again. */
  version_id: string | null;
  indexed_at: string;
  name: string;
  /** Tags and description. */
  meta: string;
  body: string;
  /** PostgreSQL only: accent-free, lower-cased copies (see foldText) that the generated tsvector is built from. */
  name_folded: ColumnType<string, string | undefined, string | undefined>;
  meta_folded: ColumnType<string, string | undefined, string | undefined>;
  body_folded: ColumnType<string, string | undefined, string | undefined>;
};

/** SQLite only: the FTS5 index over search_documents (external content, kept in step by triggers). */
export type SearchFtsTable = {
  rowid: number;
  name: string;
  meta: string;
  body: string;
};
