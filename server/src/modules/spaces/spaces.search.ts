import type { DbOrTrx } from '../../core/db/database';
import { indexEntry, inVisibleSpace, type SearchSource } from '../../core/search/search';

/**
 * Spaces are found by name and description, by the people who may open them (archived ones included, as in the list
 * of spaces).
 */
export const spaceSearchSource: SearchSource = { kind: 'space', visible: inVisibleSpace };

/**
 * Brings a space's entry in line with its row: call it in the transaction that creates, renames, describes or archives
 * it. (In the transaction rather than from a subscriber of the space events of core/events: an entry is a few words,
 * cheap to write, and written with the change it can neither lag behind nor be lost; a subscriber would make search a
 * step late.)
 */
export async function indexSpace(trx: DbOrTrx, spaceId: string): Promise<void> {
  const space = await trx
    .selectFrom('spaces')
    .select(['id', 'name', 'description', 'updated_at'])
    .where('id', '=', spaceId)
    .executeTakeFirst();
  if (!space) return;
  await indexEntry(trx, {
    kind: 'space',
    entityId: space.id,
    spaceId: space.id,
    folderId: null,
    title: space.name,
    body: space.description,
    updatedAt: space.updated_at,
  });
}
