import type { SearchResult } from '@gatehouse/contracts';
import { type DbOrTrx, dialectOf, type Trx } from '../db/database';
import { searchEntries } from './search-entries';
import type { SearchFilters } from './search-filters';
import type { SearchHit, SearchInput } from './search-hits';
import { type IndexRow, upsertRow } from './search-index';
import { postgresSearch, postgresUpsert } from './search-postgres';
import type { IndexedSearchSource, OwnIndexSearchSource, Searcher, SearchSource } from './search-sources';
import { sqliteSearch } from './search-sqlite';
import { cleanText, searchTerms } from './search-text';

/**
 * Full-text search, one interface over two engines chosen by dialect: SQLite FTS5 and PostgreSQL tsvector. Callers
 * never see SQL: queries are reduced to plain words first (see searchTerms), so no input can be query syntax, and
 * every value is a bound parameter.
 *
 * What can be found is declared by modules: each manifest lists its `searchSources` (search-sources.ts), of two sorts.
 * - Documents keep the index of their own (`search_documents`, below): extracted text up to 2 MB per document, three
 *   weighted columns, filters by type and tag. bench:files measures it, and nothing here adds to its query.
 * - Every other kind (folders and spaces today; threads, tickets, articles later) shares one generic index,
 *   `search_entries` (kind, entity id, space, folder, title, body, date; search-entries.ts), written by its module in
 *   the transaction of each change with `indexEntry`. Each such source gives, as SQL, which of its entries a person
 *   may see, read from its own tables at query time (a trashed folder vanishes at once, like a trashed document; a
 *   source with an audience rather than a space writes its own condition). One query then covers every such kind.
 * A search asks the document index and the generic index for a page each, merges both lists by rank and keeps a
 * page: ranks come from the same engine with the same weights for titles, so they compare well enough to interleave.
 */

export type { SearchFilters, SpaceScope } from './search-filters';
export type { SearchHit, SearchInput } from './search-hits';
export type { EntryInput, Searcher, SearchSource } from './search-sources';
export { indexEntry, inVisibleSpace, removeEntry, searchSourcesOf } from './search-sources';

/** Extracted text beyond this is not indexed (about 2 MB of text). */
const MAX_INDEXED_CHARS = 2_000_000;

type IndexEntry = {
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

type EverythingQuery = {
  query: string;
  searcher: Searcher;
  sources: readonly SearchSource[];
  filters: SearchFilters;
  limit: number;
};

const hasOwnIndex = (source: SearchSource): source is OwnIndexSearchSource => 'search' in source;

/**
 * Best matches of every given source, narrowed to what the searcher may see, best first. A filter that only some
 * sources understand (a document type, a tag) leaves out the others: a folder is not a PDF.
 */
export async function searchEverything(input: EverythingQuery): Promise<SearchResult[]> {
  const terms = searchTerms(input.query);
  if (terms.length === 0) return [];
  const { filters, limit, searcher } = input;
  const used = (['type', 'tag'] as const).filter((filter) => filters[filter] !== undefined);
  const own = input.sources
    .filter(hasOwnIndex)
    .filter((source) => used.every((filter) => source.filters?.includes(filter)));
  const indexed = used.length > 0 ? [] : input.sources.filter((s): s is IndexedSearchSource => !hasOwnIndex(s));
  const lists = await Promise.all([
    ...own.map((source) => source.search({ ...searcher, query: input.query, filters, limit })),
    searchEntries({ searcher, sources: indexed, terms, filters, limit }),
  ]);
  return lists
    .flat()
    .sort((a, b) => b.rank - a.rank || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
    .slice(0, limit);
}
