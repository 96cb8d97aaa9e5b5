import type { SearchResult } from '@gatehouse/contracts';
import type { DbOrTrx } from '../../core/db/database';
import { withCapability } from '../../core/policy/scopes';
import {
  indexEntry,
  inVisibleSpace,
  type SearchHit,
  type SearchSource,
  searchDocuments,
} from '../../core/search/search';

/**
 * What search finds in the document library. Documents keep their own index (extracted text, fed by the search
 * module's indexing job); folders are found by name through the generic index, written in the transaction of each
 * change by `indexFolder`.
 */

function documentResult(hit: SearchHit): SearchResult {
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

export const documentSearchSource: SearchSource = {
  kind: 'document',
  filters: ['type', 'tag'],
  async search({ db, spaces, query, filters, limit }) {
    // Only spaces with documents on: the library of a space where it is off does not exist.
    const scope: typeof spaces = (eb) => eb.and([spaces(eb), withCapability('documents')(eb)]);
    const hits = await searchDocuments(db, { query, scope, filters, limit });
    return hits.map(documentResult);
  },
};

/**
 * Folders of the spaces the person is in, live ones only: a folder in the trash (put there itself or with a parent)
 * is not found, like the documents in it, and is found again once restored, with no re-indexing either way.
 */
export const folderSearchSource: SearchSource = {
  kind: 'folder',
  visible: (searcher) => (eb) =>
    eb.and([
      inVisibleSpace(searcher)(eb),
      withCapability('documents')(eb),
      eb.exists(
        eb
          .selectFrom('folders')
          .select('folders.id')
          .whereRef('folders.id', '=', 'search_entries.entity_id')
          .where('folders.trashed_at', 'is', null),
      ),
    ]),
};

/**
 * Brings a folder's entry in line with its row: call it in the transaction that creates, renames or moves it. (In the
 * transaction rather than from a subscriber of the folder events of core/events: an entry is a few words, cheap to
 * write, and written with the change it can neither lag behind nor be lost; a subscriber would make search a step
 * late.)
 */
export async function indexFolder(trx: DbOrTrx, folderId: string): Promise<void> {
  const folder = await trx
    .selectFrom('folders')
    .select(['id', 'space_id', 'parent_id', 'name', 'updated_at'])
    .where('id', '=', folderId)
    .executeTakeFirst();
  if (!folder) return;
  await indexEntry(trx, {
    kind: 'folder',
    entityId: folder.id,
    spaceId: folder.space_id,
    folderId: folder.parent_id,
    title: folder.name,
    body: '',
    updatedAt: folder.updated_at,
  });
}
