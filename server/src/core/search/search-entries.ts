import type { SearchResult } from '@gatehouse/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type DbOrTrx, dialectOf } from '../db/database';
import type { SearchFilters } from './search-filters';
import { FRAGMENT_DELIMITER, HEADLINE_OPTIONS, type HeadlineRow, headlineToHtml, tsQuery } from './search-postgres';
import type { IndexedSearchSource, Searcher } from './search-sources';
import { ftsMatchQuery } from './search-sqlite';
import { highlightToHtml, MATCH_START, MATCH_STOP } from './search-text';

/**
 * The generic index: one query over the entries of every indexed source at once, each kind narrowed by its own
 * source's visibility condition, ranked like documents (SQLite bm25, PostgreSQL ts_rank with the title weighted A and
 * the body B) so that both lists merge by rank.
 */

type EntriesQuery = {
  searcher: Searcher;
  sources: IndexedSearchSource[];
  terms: string[];
  filters: Pick<SearchFilters, 'spaceId' | 'from' | 'to'>;
  limit: number;
};

const SNIPPET_TOKENS = 24;
/** bm25 weights of the FTS5 columns, in order: title, body (the same weights as a document's name and tags). */
const sqliteRanking = sql<number>`bm25(search_entries_fts, 10.0, 4.0)`;

type EntryRow = {
  kind: string;
  entity_id: string;
  title: string;
  space_id: string | null;
  space_name: string | null;
  folder_id: string | null;
  updated_at: string;
  rank: number | string;
};

function candidates(args: EntriesQuery) {
  const { db } = args.searcher;
  const { spaceId, from, to } = args.filters;
  return db
    .selectFrom('search_entries')
    .leftJoin('spaces', 'spaces.id', 'search_entries.space_id')
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [
        eb.or(
          args.sources.map((source) =>
            eb.and([eb('search_entries.kind', '=', source.kind), source.visible(args.searcher)(eb)]),
          ),
        ),
      ];
      if (spaceId) conditions.push(eb('search_entries.space_id', '=', spaceId));
      if (from) conditions.push(eb('search_entries.updated_at', '>=', from));
      if (to) conditions.push(eb('search_entries.updated_at', '<=', to));
      return eb.and(conditions);
    })
    .select([
      'search_entries.kind',
      'search_entries.entity_id',
      'search_entries.title',
      'search_entries.space_id',
      'spaces.name as space_name',
      'search_entries.folder_id',
      'search_entries.updated_at',
    ]);
}

function toResult(row: EntryRow, snippet: string): SearchResult {
  return {
    kind: row.kind,
    id: row.entity_id,
    title: row.title,
    space: row.space_id !== null && row.space_name !== null ? { id: row.space_id, name: row.space_name } : null,
    folderId: row.folder_id,
    updatedAt: row.updated_at,
    snippet,
    rank: Number(row.rank),
  };
}

async function sqliteEntries(args: EntriesQuery): Promise<SearchResult[]> {
  const rows = await candidates(args)
    .innerJoin('search_entries_fts', 'search_entries_fts.rowid', 'search_entries.seq')
    .where(sql<boolean>`search_entries_fts match ${ftsMatchQuery(args.terms)}`)
    .select([
      sql<number>`-${sqliteRanking}`.as('rank'),
      sql<string>`snippet(search_entries_fts, -1, ${MATCH_START}, ${MATCH_STOP}, ${'…'}, ${SNIPPET_TOKENS})`.as(
        'snippet',
      ),
    ])
    .orderBy(sqliteRanking)
    .orderBy('search_entries.seq')
    .limit(args.limit)
    .execute();
  return rows.map((row) => toResult(row, highlightToHtml(row.snippet ?? '')));
}

/** Excerpts of the entries of one page, from the body when it matched, else the title (see search-postgres.ts). */
async function entryHeadlines(db: DbOrTrx, seqs: number[], query: RawBuilder<unknown>) {
  if (seqs.length === 0) return new Map<number, string>();
  const { rows } = await sql<HeadlineRow & { seq: number }>`
    select se.seq, pick.headline,
      substr(pick.original, strpos(pick.folded, pick.plain), char_length(pick.plain)) as excerpt,
      strpos(pick.folded, pick.plain) as start, char_length(pick.plain) as length, char_length(pick.folded) as total
    from search_entries se
    cross join lateral (
      select src.original, src.folded, hl.headline,
        replace(replace(replace(hl.headline, ${MATCH_START}, ''), ${MATCH_STOP}, ''), ${FRAGMENT_DELIMITER}, '') as plain
      from (
        select
          case when ts_filter(se.tsv, '{b}') @@ ${query} then se.body else se.title end as original,
          case when ts_filter(se.tsv, '{b}') @@ ${query} then se.body_folded else se.title_folded end as folded
      ) src
      cross join lateral (select ts_headline('simple', src.folded, ${query}, ${HEADLINE_OPTIONS}) as headline) hl
    ) pick
    where se.seq in (${sql.join(seqs)})
  `.execute(db);
  return new Map(rows.map((row) => [Number(row.seq), headlineToHtml(row)]));
}

async function postgresEntries(args: EntriesQuery): Promise<SearchResult[]> {
  const query = tsQuery(args.terms);
  const rows = await candidates(args)
    .where(sql<boolean>`search_entries.tsv @@ ${query}`)
    .select(['search_entries.seq', sql<number>`ts_rank(search_entries.tsv, ${query})`.as('rank')])
    .orderBy('rank', 'desc')
    .orderBy('search_entries.seq')
    .limit(args.limit)
    .execute();
  const snippets = await entryHeadlines(
    args.searcher.db,
    rows.map((row) => row.seq),
    query,
  );
  return rows.map((row) => toResult(row, snippets.get(row.seq) ?? highlightToHtml(row.title)));
}

/** Best matches first among the entries of the given sources that the searcher may see. */
export async function searchEntries(args: EntriesQuery): Promise<SearchResult[]> {
  if (args.sources.length === 0 || args.terms.length === 0) return [];
  return dialectOf(args.searcher.db) === 'postgres' ? postgresEntries(args) : sqliteEntries(args);
}
