import { type DbOrTrx, dialectOf, type Trx } from '../db/database';
import type { SearchHit, SearchInput } from './search-hits';
import { type IndexRow, upsertRow } from './search-index';
import { postgresSearch, postgresUpsert } from './search-postgres';
import { sqliteSearch } from './search-sqlite';
import { cleanText, searchTerms } from './search-text';

/**
 * Full-text search of documents, one interface over two engines chosen by dialect: SQLite FTS5 and PostgreSQL
 * tsvector. Callers never see SQL: queries are reduced to plain words first (see searchTerms), so no input can be
 * query syntax, and every value is a bound parameter.
 */

export type { SearchFilters, SpaceScope } from './search-filters';
export type { SearchHit, SearchInput } from './search-hits';

/** Extracted text beyond this is not indexed (about 2 MB of text). */
export const MAX_INDEXED_CHARS = 2_000_000;

export type IndexEntry = {
  documentId: string;
  /** The version the text was extracted from (null when no text could be read from any). */
  versionId: string | null;
  name: string;
  text: string;
  tags: string[];
  description: string;
  /**
   * The document's `updated_at` when the entry was built. The entry is written only if the document is still live
   * and unchanged: otherwise a later job (queued by that change) owns the entry, and an older job must not overwrite it.
   */
  updatedAt: string;
  indexedAt: string;
};

/**
 * Writes (or replaces) the entry of a document. Returns false when skipped because the document changed, was trashed
 * or deleted since the entry was built.
 */
export async function indexDocument(trx: Trx, entry: IndexEntry): Promise<boolean> {
  const current = await trx
    .selectFrom('documents')
    .select(['updated_at', 'trashed_at'])
    .where('id', '=', entry.documentId)
    .executeTakeFirst();
  if (!current || current.trashed_at !== null || current.updated_at !== entry.updatedAt) return false;
  const row: IndexRow = {
    document_id: entry.documentId,
    version_id: entry.versionId,
    indexed_at: entry.indexedAt,
    name: cleanText(entry.name, 1_000),
    meta: cleanText([...entry.tags, entry.description].join(' '), 10_000),
    body: cleanText(entry.text, MAX_INDEXED_CHARS),
  };
  if (dialectOf(trx) === 'postgres') await postgresUpsert(trx, row);
  else await upsertRow(trx, row);
  return true;
}

/** Removes a document from the index (a no-op when it is not there). */
export async function removeDocument(trx: DbOrTrx, documentId: string): Promise<void> {
  await trx.deleteFrom('search_documents').where('document_id', '=', documentId).execute();
}

/** The text already indexed for this version of the document, so a rename or retag need not extract it again. */
export async function indexedText(
  db: DbOrTrx,
  args: { documentId: string; versionId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('search_documents')
    .select('body')
    .where('document_id', '=', args.documentId)
    .where('version_id', '=', args.versionId)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** Best matches first. A query without any word (only punctuation, say) finds nothing rather than failing. */
export async function searchDocuments(db: DbOrTrx, input: SearchInput): Promise<SearchHit[]> {
  const terms = searchTerms(input.query);
  if (terms.length === 0) return [];
  const args = { ...input, filters: input.filters ?? {}, terms };
  return dialectOf(db) === 'postgres' ? postgresSearch(db, args) : sqliteSearch(db, args);
}
