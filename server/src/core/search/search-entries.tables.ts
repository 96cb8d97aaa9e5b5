import type { ColumnType, Generated } from 'kysely';

/**
 * One row per entry of a generic search source (folders, spaces today; threads, tickets, articles later): the words it
 * is found by and where it lives. Whether the entry may be shown (trashed, which space, which audience) is decided by
 * its source at query time from the source's own tables, so a trash or a membership change counts at once.
 */
export type SearchEntriesTable = {
  /** The key: in SQLite also the rowid the FTS5 table `search_entries_fts` is keyed by. */
  seq: Generated<number>;
  /** The source's kind (`folder`, `space`, …). */
  kind: string;
  /** The id of the entity in its source's table. */
  entity_id: string;
  /** The space the entity belongs to (a space's own entry carries its id); null for entries outside spaces. */
  space_id: string | null;
  /** The folder the entity sits in, when it has one. */
  folder_id: string | null;
  title: string;
  body: string;
  updated_at: string;
  /** PostgreSQL only: accent-free, lower-cased copies (see foldText) that the generated tsvector is built from. */
  title_folded: ColumnType<string, string | undefined, string | undefined>;
  body_folded: ColumnType<string, string | undefined, string | undefined>;
};

/** SQLite only: the FTS5 index over search_entries (external content, kept in step by triggers). */
export type SearchEntriesFtsTable = {
  rowid: number;
  title: string;
  body: string;
};
