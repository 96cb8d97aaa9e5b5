import type { DbOrTrx } from '../db/database';
import { type SearchFilters, type SpaceScope, searchableDocuments } from './search-filters';

export type SearchInput = {
  query: string;
  /** Required on purpose: results come only from the spaces this filter lets through. */
  scope: SpaceScope;
  filters?: SearchFilters;
  limit: number;
};

export type SearchHit = {
  documentId: string;
  name: string;
  spaceId: string;
  spaceName: string;
  folderId: string | null;
  mimeType: string;
  size: number;
  updatedAt: string;
  tags: string[];
  /** HTML: escaped text with `<mark>` around matches. */
  snippet: string;
  /** Higher is better. */
  rank: number;
};

export type EngineSearchArgs = Omit<SearchInput, 'filters'> & { filters: SearchFilters; terms: string[] };

/**
 * Index entries joined with their live document and its space, narrowed to the scope and filters: both engines add
 * their match condition, rank and excerpt to this.
 */
export function candidateHits(db: DbOrTrx, args: EngineSearchArgs) {
  return db
    .selectFrom('search_documents')
    .innerJoin('documents', 'documents.id', 'search_documents.document_id')
    .innerJoin('spaces', 'spaces.id', 'documents.space_id')
    .where(args.scope)
    .where(searchableDocuments(db, args.filters))
    .select([
      'documents.id',
      'documents.name',
      'documents.space_id',
      'spaces.name as space_name',
      'documents.folder_id',
      'documents.mime_type',
      'documents.size',
      'documents.updated_at',
      'documents.tags',
    ]);
}

type HitRow = {
  id: string;
  name: string;
  space_id: string;
  space_name: string;
  folder_id: string | null;
  mime_type: string;
  size: number | string;
  updated_at: string;
  /** The JSON array stored in `documents.tags`. */
  tags: string;
  rank: number | string;
};

function parseTags(json: string): string[] {
  try {
    const parsed = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

export function toHit(row: HitRow, snippet: string): SearchHit {
  return {
    documentId: row.id,
    name: row.name,
    spaceId: row.space_id,
    spaceName: row.space_name,
    folderId: row.folder_id,
    mimeType: row.mime_type,
    size: Number(row.size),
    updatedAt: row.updated_at,
    tags: parseTags(row.tags),
    snippet,
    rank: Number(row.rank),
  };
}
