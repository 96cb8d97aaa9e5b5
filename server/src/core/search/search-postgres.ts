import { type RawBuilder, sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database';
import { candidateHits, type EngineSearchArgs, type SearchHit, toHit } from './search-hits';
import { type IndexRow, upsertRow } from './search-index';
import { cleanText, foldText, highlightToHtml, MATCH_START, MATCH_STOP, unfoldHeadline } from './search-text';

/**
 * PostgreSQL engine: a stored tsvector generated from accent-folded copies of the text ('simple' configuration: no
 * stemming, no stop words, the same words as SQLite), a GIN index, ts_rank with the default weights (name A = 1.0,
 * tags/description B = 0.4, body C = 0.2) and ts_headline for the excerpt.
 */

/** SQLSTATE 54000: a tsvector is limited to 1 MB, which 2 MB of varied text can exceed. */
const PROGRAM_LIMIT_EXCEEDED = '54000';

/**
 * Writes the entry with its folded copies. When the text is too varied for one tsvector, the body is halved until it
 * fits (inside a savepoint, so the caller's transaction survives): a very large document stays findable by what fits.
 */
export async function postgresUpsert(trx: Trx, row: IndexRow): Promise<void> {
  let body = row.body;
  for (;;) {
    await sql`savepoint search_upsert`.execute(trx);
    try {
      await upsertRow(trx, {
        ...row,
        body,
        name_folded: foldText(row.name),
        meta_folded: foldText(row.meta),
        body_folded: foldText(body),
      });
      await sql`release savepoint search_upsert`.execute(trx);
      return;
    } catch (error) {
      await sql`rollback to savepoint search_upsert`.execute(trx);
      if ((error as { code?: string }).code !== PROGRAM_LIMIT_EXCEEDED || body.length === 0) throw error;
      body = cleanText(body, Math.floor(body.length / 2));
    }
  }
}

/** A tsquery literal of one term; terms are letters and digits only, quoting is belt and braces. */
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * All terms must match, the last one as a prefix (`invo` finds "invoice"). websearch_to_tsquery never fails on any
 * input; each term is quoted there so that words like "or" stay words, as in SQLite.
 */
export function tsQuery(terms: string[]): RawBuilder<unknown> {
  const folded = terms.map(foldText);
  const prefix = sql`to_tsquery('simple', ${`${lexeme(folded[folded.length - 1])}:*`})`;
  if (folded.length === 1) return prefix;
  const words = folded
    .slice(0, -1)
    .map((term) => `"${term.replaceAll('"', ' ')}"`)
    .join(' ');
  return sql`(websearch_to_tsquery('simple', ${words}) && ${prefix})`;
}

/**
 * One fragment centred on the best match, with context on both sides. A single fragment gets no delimiter; it is a
 * control character all the same, so that it could be removed if it ever appeared.
 */
export const FRAGMENT_DELIMITER = '\u0004';
export const HEADLINE_OPTIONS = [
  `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, FragmentDelimiter=${FRAGMENT_DELIMITER}`,
  'MaxFragments=1, MaxWords=30, MinWords=12, ShortWord=2',
].join(', ');

/** A headline computed on folded text, with where its excerpt was found again in that text (1-based, 0: not found). */
export type HeadlineRow = {
  headline: string;
  excerpt: string;
  start: number;
  length: number;
  total: number;
};

/**
 * Excerpts for the hits of one page. ts_headline runs on the folded text (so "facture" highlights "Facturé"); the
 * excerpt is then located in the folded text and cut from the original at the same place, and the markers are put
 * back on the original characters. ts_headline runs on the column that matched best: body, then tags/description,
 * then name.
 */
async function headlines(db: DbOrTrx, ids: string[], query: RawBuilder<unknown>): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<HeadlineRow & { document_id: string }>`
    select sd.document_id, pick.headline,
      substr(pick.original, strpos(pick.folded, pick.plain), char_length(pick.plain)) as excerpt,
      strpos(pick.folded, pick.plain) as start, char_length(pick.plain) as length, char_length(pick.folded) as total
    from search_documents sd
    cross join lateral (
      select src.original, src.folded, hl.headline,
        replace(replace(replace(hl.headline, ${MATCH_START}, ''), ${MATCH_STOP}, ''), ${FRAGMENT_DELIMITER}, '') as plain
      from (
        select
          case when ts_filter(sd.tsv, '{c}') @@ ${query} then sd.body
               when ts_filter(sd.tsv, '{b}') @@ ${query} then sd.meta else sd.name end as original,
          case when ts_filter(sd.tsv, '{c}') @@ ${query} then sd.body_folded
               when ts_filter(sd.tsv, '{b}') @@ ${query} then sd.meta_folded else sd.name_folded end as folded
      ) src
      cross join lateral (select ts_headline('simple', src.folded, ${query}, ${HEADLINE_OPTIONS}) as headline) hl
    ) pick
    where sd.document_id in (${sql.join(ids)})
  `.execute(db);
  return new Map(rows.map((row) => [row.document_id, headlineToHtml(row)]));
}

/** The excerpt as HTML, its markers put back on the original characters, with ellipses where it was cut. */
export function headlineToHtml(row: HeadlineRow): string {
  const headline = row.headline.replaceAll(FRAGMENT_DELIMITER, '');
  const start = Number(row.start);
  // Not found again (should not happen): show the folded excerpt rather than nothing.
  if (start === 0) return highlightToHtml(headline);
  const marked = unfoldHeadline(headline, row.excerpt);
  const before = start > 1 ? '…' : '';
  const after = start - 1 + Number(row.length) < Number(row.total) ? '…' : '';
  return highlightToHtml(`${before}${marked}${after}`);
}

export async function postgresSearch(db: DbOrTrx, args: EngineSearchArgs): Promise<SearchHit[]> {
  const query = tsQuery(args.terms);
  const rows = await candidateHits(db, args)
    .where(sql<boolean>`search_documents.tsv @@ ${query}`)
    .select(sql<number>`ts_rank(search_documents.tsv, ${query})`.as('rank'))
    .orderBy('rank', 'desc')
    .orderBy('documents.id')
    .limit(args.limit)
    .execute();
  const snippets = await headlines(
    db,
    rows.map((row) => row.id),
    query,
  );
  return rows.map((row) => toHit(row, snippets.get(row.id) ?? ''));
}
