import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database';
import { candidateHits, type EngineSearchArgs, type SearchHit, toHit } from './search-hits';
import { highlightToHtml, MATCH_START, MATCH_STOP } from './search-text';

/**
 * SQLite engine: FTS5 with the unicode61 tokenizer folding accents, bm25 ranking with the name weighted above tags
 * and description, themselves above the body, and FTS5's own snippet().
 */

/** bm25 weights of the FTS5 columns, in order: name, meta (tags + description), body. */
const ranking = sql<number>`bm25(search_fts, 10.0, 4.0, 1.0)`;
const SNIPPET_TOKENS = 24;

/**
 * An FTS5 query that is only quoted strings: `"word"` for each term, the last one a prefix (`"invo"*`) so results
 * come while typing. Inside quotes nothing is syntax (a quote is doubled), so no input can be an FTS5 error.
 */
export function ftsMatchQuery(terms: string[]): string {
  return terms
    .map((term, index) => {
      const quoted = `"${term.replaceAll('"', '""')}"`;
      return index === terms.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

export async function sqliteSearch(db: DbOrTrx, args: EngineSearchArgs): Promise<SearchHit[]> {
  const rows = await candidateHits(db, args)
    .innerJoin('search_fts', 'search_fts.rowid', 'search_documents.seq')
    .where(sql<boolean>`search_fts match ${ftsMatchQuery(args.terms)}`)
    .select([
      // bm25 is negative, lower is better: flip it so that a higher rank is better in both dialects.
      sql<number>`-${ranking}`.as('rank'),
      sql<string>`snippet(search_fts, -1, ${MATCH_START}, ${MATCH_STOP}, ${'…'}, ${SNIPPET_TOKENS})`.as('snippet'),
    ])
    .orderBy(ranking)
    .orderBy('documents.id')
    .limit(args.limit)
    .execute();
  return rows.map((row) => toHit(row, highlightToHtml(row.snippet ?? '')));
}
