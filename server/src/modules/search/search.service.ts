import type { SearchQuery, SearchResult } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { AppError, errors } from '../../core/http/errors';
import { visibleSpacesWith } from '../../core/policy/scopes';
import { type SearchHit, searchDocuments } from '../../core/search/search';

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

function toResult(hit: SearchHit): SearchResult {
  return {
    kind: 'document',
    id: hit.documentId,
    title: hit.name,
    space: { id: hit.spaceId, name: hit.spaceName },
    folderId: hit.folderId,
    updatedAt: hit.updatedAt,
    document: {
      id: hit.documentId,
      name: hit.name,
      spaceId: hit.spaceId,
      spaceName: hit.spaceName,
      folderId: hit.folderId,
      mimeType: hit.mimeType,
      size: hit.size,
      updatedAt: hit.updatedAt,
      tags: hit.tags,
    },
    snippet: hit.snippet,
    rank: hit.rank,
  };
}

/**
 * Documents matching the query in the spaces the actor may read (every space for host admins), best first. The
 * visibility scope is part of the SQL query, so a result the actor may not see is never even read.
 *
 * No audit event: searching consults the index, not a document's content (no file byte is served), like listing a
 * folder. Opening or downloading a result goes through the documents module, which records it.
 */
export async function searchForActor(ctx: RequestContext, query: SearchQuery): Promise<SearchResult[]> {
  if (ctx.actor.kind === 'anonymous') throw errors.unauthorized();
  const nowIso = ctx.clock.now().toISOString();
  const hits = await searchDocuments(ctx.db, {
    query: query.q,
    // Documents exist only in spaces with documents on.
    scope: visibleSpacesWith(ctx.db, ctx.actor, nowIso, 'documents'),
    filters: {
      spaceId: query.spaceId,
      type: query.type,
      from: instant(query.from, 'start', 'from'),
      to: instant(query.to, 'end', 'to'),
      tag: query.tag,
    },
    limit: query.limit,
  });
  return hits.map(toResult);
}
