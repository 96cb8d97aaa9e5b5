import type { SearchType } from '@gatehouse/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type DbOrTrx, dialectOf } from '../db/database';
import type { Database } from '../db/schema';

/** Which spaces results may come from: a filter on `spaces`, e.g. `visibleSpaces(db, actor, nowIso)` from scopes.ts. */
export type SpaceScope = (eb: ExpressionBuilder<Database, 'spaces'>) => Expression<SqlBool>;

export type SearchFilters = {
  spaceId?: string;
  type?: SearchType;
  /** ISO instants (inclusive) compared with the document's last change. */
  from?: string;
  to?: string;
  tag?: string;
};

const officeTypes = [
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
];

/** MIME families: types come from file names (documents.models.ts), so a fixed prefix or list is exact. */
function typeCondition(eb: ExpressionBuilder<Database, 'documents'>, type: SearchType): Expression<SqlBool> {
  const mime = 'documents.mime_type' as const;
  switch (type) {
    case 'pdf':
      return eb(mime, '=', 'application/pdf');
    case 'office':
      return eb(mime, 'in', officeTypes);
    case 'image':
      return eb(mime, 'like', 'image/%');
    case 'text':
      return eb.or([eb(mime, 'like', 'text/%'), eb(mime, 'in', ['application/json', 'application/xml'])]);
    case 'audio':
      return eb(mime, 'like', 'audio/%');
    case 'video':
      return eb(mime, 'like', 'video/%');
    case 'archive':
      return eb(mime, 'in', ['application/zip']);
  }
}

/** Tags are a JSON array of strings in `documents.tags`; the tag matches case-insensitively. */
function tagCondition(db: DbOrTrx, tag: string): Expression<SqlBool> {
  if (dialectOf(db) === 'postgres') {
    return sql<SqlBool>`exists (select 1 from jsonb_array_elements_text(documents.tags::jsonb) as t(value)
      where lower(t.value) = lower(${tag}))`;
  }
  return sql<SqlBool>`exists (select 1 from json_each(documents.tags) as t where lower(t.value) = lower(${tag}))`;
}

/**
 * Documents a search may return: live (a trashed document is never found, even while its index entry still exists)
 * and matching the filters. Read from `documents` at query time, never from the index.
 */
export function searchableDocuments(db: DbOrTrx, filters: SearchFilters) {
  return (eb: ExpressionBuilder<Database, 'documents'>) => {
    const conditions: Expression<SqlBool>[] = [eb('documents.trashed_at', 'is', null)];
    if (filters.spaceId) conditions.push(eb('documents.space_id', '=', filters.spaceId));
    if (filters.type) conditions.push(typeCondition(eb, filters.type));
    if (filters.from) conditions.push(eb('documents.updated_at', '>=', filters.from));
    if (filters.to) conditions.push(eb('documents.updated_at', '<=', filters.to));
    if (filters.tag) conditions.push(tagCondition(db, filters.tag));
    return eb.and(conditions);
  };
}
