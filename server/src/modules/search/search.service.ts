import type { SearchQuery, SearchResult } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { AppError, errors } from '../../core/http/errors';
import { visibleSpaces } from '../../core/policy/scopes';
import { type SearchSource, searchEverything, searchSourcesOf } from '../../core/search/search';
import { modules } from '../../modules';

/** A day bound becomes the first or last millisecond of that UTC day; an instant is normalized to UTC. */
function instant(value: string | undefined, edge: 'start' | 'end', field: string): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new AppError('http.validation_failed', 400, 'Invalid request', 'This date does not exist.', {}, [
      { path: `query.${field}`, message: 'Invalid date' },
    ]);
  }
  return new Date(time).toISOString();
}

/** Every search source the server's modules declare, collected once. */
let everySource: SearchSource[] | null = null;
function sources(): SearchSource[] {
  everySource ??= searchSourcesOf(modules);
  return everySource;
}

function chosenSources(kind: string | undefined): SearchSource[] {
  if (kind === undefined) return sources();
  const chosen = sources().filter((source) => source.kind === kind);
  if (chosen.length === 0) {
    const known = sources()
      .map((source) => source.kind)
      .join(', ');
    throw new AppError('http.validation_failed', 400, 'Invalid request', `Search finds these kinds: ${known}.`, {}, [
      { path: 'query.kind', message: 'Unknown kind' },
    ]);
  }
  return chosen;
}

/**
 * Everything matching the query that the actor may see (documents, folders and spaces of the spaces they are in,
 * every space's for host admins; whatever each source allows), best first. Each source's visibility is part of the
 * SQL query, so a result the actor may not see is never even read.
 *
 * No audit event: searching consults the index, not a document's content (no file byte is served), like listing a
 * folder. Opening or downloading a result goes through the documents module, which records it.
 */
export async function searchForActor(ctx: RequestContext, query: SearchQuery): Promise<SearchResult[]> {
  if (ctx.actor.kind === 'anonymous') throw errors.unauthorized();
  const nowIso = ctx.clock.now().toISOString();
  return searchEverything({
    query: query.q,
    searcher: { db: ctx.db, actor: ctx.actor, nowIso, spaces: visibleSpaces(ctx.db, ctx.actor, nowIso) },
    sources: chosenSources(query.kind),
    filters: {
      spaceId: query.spaceId,
      type: query.type,
      from: instant(query.from, 'start', 'from'),
      to: instant(query.to, 'end', 'to'),
      tag: query.tag,
    },
    limit: query.limit,
  });
}
