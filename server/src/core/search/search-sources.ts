import type { SearchResult } from '@gatehouse/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../auth/actor';
import { type DbOrTrx, dialectOf } from '../db/database';
import type { Database } from '../db/schema';
import type { SearchFilters, SpaceScope } from './search-filters';
import { cleanText, foldText } from './search-text';

/** Who is searching, handed to every source so it can say in SQL what that person may see. */
export type Searcher = {
  db: DbOrTrx;
  actor: Actor;
  nowIso: string;
  /** The spaces the person may read (every space for host admins): `visibleSpaces` of the policy's scopes. */
  spaces: SpaceScope;
};

/** A condition on an entry of `search_entries`, left-joined with its space (`spaces.*` is null when it has none). */
type EntryCondition = (eb: ExpressionBuilder<Database, 'search_entries' | 'spaces'>) => Expression<SqlBool>;

/**
 * A source kept in the generic index: its module writes entries with `indexEntry` whenever an entity changes, and
 * `visible` narrows the entries of this kind to those the searcher may see, in SQL, from the source's own tables
 * (read at query time, so a trash or a membership change counts before any re-indexing). Most sources are scoped by
 * space (`inVisibleSpace`); one with an audience (a knowledge-base article) writes its own condition.
 */
export type IndexedSearchSource = {
  kind: string;
  visible: (searcher: Searcher) => EntryCondition;
};

/** What a source with an index of its own is asked. */
type OwnIndexQuery = Searcher & { query: string; filters: SearchFilters; limit: number };

/**
 * A source with an index of its own, tuned for its volume (documents and their extracted text): it answers a query
 * itself, already narrowed to what the searcher may see, best first, with `rank` comparable to the generic index's.
 */
export type OwnIndexSearchSource = {
  kind: string;
  search: (query: OwnIndexQuery) => Promise<SearchResult[]>;
  /** Filters this source understands beyond space and dates; a query using another one skips this source. */
  filters?: readonly ('type' | 'tag')[];
};

/** A kind of thing search can find, declared in its module's manifest (`searchSources`). */
export type SearchSource = IndexedSearchSource | OwnIndexSearchSource;

/** Entries of a space-scoped source: only those of a space the searcher may read. */
export function inVisibleSpace(searcher: Searcher): EntryCondition {
  return (eb) => eb.and([eb('spaces.id', 'is not', null), searcher.spaces(eb)]);
}

/** Every source the manifests declare, refusing a kind declared twice (a result's kind must name one source). */
export function searchSourcesOf(manifests: readonly { name: string; searchSources?: SearchSource[] }[]) {
  const sources = new Map<string, SearchSource>();
  for (const manifest of manifests) {
    for (const source of manifest.searchSources ?? []) {
      if (sources.has(source.kind))
        throw new Error(`Search source ${source.kind} is declared twice (again by ${manifest.name})`);
      sources.set(source.kind, source);
    }
  }
  return [...sources.values()];
}

export type EntryInput = {
  kind: string;
  entityId: string;
  spaceId: string | null;
  folderId: string | null;
  title: string;
  body: string;
  updatedAt: string;
};

/** Titles and bodies of generic entries are short texts (names, descriptions, a message's first lines). */
const MAX_TITLE_CHARS = 1_000;
const MAX_BODY_CHARS = 20_000;

/**
 * Writes (or replaces) the entry of one entity; call it in the transaction of the change so the index never lags
 * behind what the entity is called.
 */
export async function indexEntry(trx: DbOrTrx, entry: EntryInput): Promise<void> {
  const title = cleanText(entry.title, MAX_TITLE_CHARS);
  const body = cleanText(entry.body, MAX_BODY_CHARS);
  const row = {
    kind: entry.kind,
    entity_id: entry.entityId,
    space_id: entry.spaceId,
    folder_id: entry.folderId,
    title,
    body,
    updated_at: entry.updatedAt,
    ...(dialectOf(trx) === 'postgres' ? { title_folded: foldText(title), body_folded: foldText(body) } : {}),
  };
  const { kind: _kind, entity_id: _id, ...changes } = row;
  await trx
    .insertInto('search_entries')
    .values(row)
    .onConflict((conflict) => conflict.columns(['kind', 'entity_id']).doUpdateSet(changes))
    .execute();
}

/** Removes an entity's entry (a no-op when there is none), e.g. when it is deleted for good. */
export async function removeEntry(trx: DbOrTrx, args: { kind: string; entityId: string }): Promise<void> {
  await trx.deleteFrom('search_entries').where('kind', '=', args.kind).where('entity_id', '=', args.entityId).execute();
}
