import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database';
import { type After, startsAfter } from '../documents.queries';

/** Folder trees are shallow in practice; the bound only stops a corrupted parent chain from looping forever. */
const MAX_DEPTH = 256;

function selectFolders(db: DbOrTrx) {
  return db
    .selectFrom('folders as f')
    .leftJoin('users as cu', 'cu.id', 'f.created_by')
    .select([
      'f.id',
      'f.space_id',
      'f.parent_id',
      'f.name',
      'f.name_key',
      'f.created_by',
      'f.created_at',
      'f.updated_at',
      'f.trashed_at',
      'f.trash_root_id',
      'cu.name as created_by_name',
    ]);
}

export type FolderRow = NonNullable<Awaited<ReturnType<typeof getFolderById>>>;

/** One folder, whatever the actor: the caller authorizes it through its space. */
export function getFolderById(db: DbOrTrx, id: string) {
  return selectFolders(db).where('f.id', '=', id).executeTakeFirst();
}

/** Sub-folders of a folder (or of the root), live or in the trash, by name; one page of them when `limit` is given. */
export function listChildFolders(
  db: DbOrTrx,
  args: { spaceId: string; parentId: string | null; trashed: boolean; after?: After; limit?: number },
) {
  let query = selectFolders(db)
    .where('f.space_id', '=', args.spaceId)
    .where('f.parent_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('f.trashed_at', args.trashed ? 'is not' : 'is', null);
  if (args.after) query = query.where(startsAfter('f', args.after));
  if (args.limit !== undefined) query = query.limit(args.limit);
  return query.orderBy('f.name_key').orderBy('f.id').execute();
}

/** Folders someone put in the trash themselves (not those that went with a trashed parent), a page at a time. */
export function listTrashedRootFolders(db: DbOrTrx, args: { spaceId: string; after?: After; limit?: number }) {
  let query = selectFolders(db).where('f.space_id', '=', args.spaceId).whereRef('f.trash_root_id', '=', 'f.id');
  if (args.after) query = query.where(startsAfter('f', args.after));
  if (args.limit !== undefined) query = query.limit(args.limit);
  return query.orderBy('f.name_key').orderBy('f.id').execute();
}

/** How many sub-folders a folder (or the root) holds, live or in the trash. */
export async function countChildFolders(
  db: DbOrTrx,
  args: { spaceId: string; parentId: string | null; trashed: boolean },
): Promise<number> {
  const row = await db
    .selectFrom('folders as f')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('f.space_id', '=', args.spaceId)
    .where('f.parent_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('f.trashed_at', args.trashed ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many folders someone put in the trash themselves. */
export async function countTrashedRootFolders(db: DbOrTrx, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('folders as f')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('f.space_id', '=', spaceId)
    .whereRef('f.trash_root_id', '=', 'f.id')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The folder and its ancestors, from the root of the space down to the folder itself. */
export async function folderAncestry(db: DbOrTrx, folderId: string) {
  const rows = await db
    .withRecursive('anc(id, parent_id, name, depth)', (qb) =>
      qb
        .selectFrom('folders')
        .select(['folders.id', 'folders.parent_id', 'folders.name', sql<number>`0`.as('depth')])
        .where('folders.id', '=', folderId)
        .unionAll(
          qb
            .selectFrom('folders as p')
            .innerJoin('anc', 'anc.parent_id', 'p.id')
            .select(['p.id', 'p.parent_id', 'p.name', sql<number>`anc.depth + 1`.as('depth')])
            .where('anc.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('anc')
    .select(['id', 'parent_id', 'name', 'depth'])
    .orderBy('depth', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, name: row.name }));
}

/** Every folder below `rootId` (and the root itself), trashed or not: the caller filters by trash state. */
export function folderSubtree(db: DbOrTrx, rootId: string) {
  return db
    .withRecursive('tree(id, parent_id, name, trashed_at, trash_root_id, depth)', (qb) =>
      qb
        .selectFrom('folders')
        .select([
          'folders.id',
          'folders.parent_id',
          'folders.name',
          'folders.trashed_at',
          'folders.trash_root_id',
          sql<number>`0`.as('depth'),
        ])
        .where('folders.id', '=', rootId)
        .unionAll(
          qb
            .selectFrom('folders as c')
            .innerJoin('tree', 'tree.id', 'c.parent_id')
            .select([
              'c.id',
              'c.parent_id',
              'c.name',
              'c.trashed_at',
              'c.trash_root_id',
              sql<number>`tree.depth + 1`.as('depth'),
            ])
            .where('tree.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('tree')
    .select(['id', 'parent_id', 'name', 'trashed_at', 'trash_root_id', 'depth'])
    .orderBy('depth')
    .execute();
}

/** Whether a live folder or document of the folder (or root) already has this name, ignoring `exceptId`. */
export async function nameInUse(
  db: DbOrTrx,
  args: { spaceId: string; parentId: string | null; nameKey: string; exceptId?: string },
): Promise<boolean> {
  const except = args.exceptId ?? '';
  const folder = await db
    .selectFrom('folders')
    .select('id')
    .where('space_id', '=', args.spaceId)
    .where('parent_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('name_key', '=', args.nameKey)
    .where('trashed_at', 'is', null)
    .where('id', '!=', except)
    .executeTakeFirst();
  if (folder) return true;
  const doc = await db
    .selectFrom('documents')
    .select('id')
    .where('space_id', '=', args.spaceId)
    .where('folder_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('name_key', '=', args.nameKey)
    .where('trashed_at', 'is', null)
    .where('id', '!=', except)
    .executeTakeFirst();
  return Boolean(doc);
}

export function insertFolder(
  db: DbOrTrx,
  row: {
    id: string;
    spaceId: string;
    parentId: string | null;
    name: string;
    nameKey: string;
    createdBy: string | null;
    nowIso: string;
  },
) {
  return db
    .insertInto('folders')
    .values({
      id: row.id,
      space_id: row.spaceId,
      parent_id: row.parentId,
      name: row.name,
      name_key: row.nameKey,
      created_by: row.createdBy,
      created_at: row.nowIso,
      updated_at: row.nowIso,
      trashed_at: null,
      trashed_by: null,
      trash_root_id: null,
    })
    .execute();
}

export function updateFolderRow(
  db: DbOrTrx,
  args: {
    id: string;
    nowIso: string;
    set: Partial<{
      name: string;
      name_key: string;
      parent_id: string | null;
      trashed_at: null;
      trashed_by: null;
      trash_root_id: null;
    }>;
  },
) {
  return db
    .updateTable('folders')
    .set({ ...args.set, updated_at: args.nowIso })
    .where('id', '=', args.id)
    .execute();
}

/** Puts live folders and the live documents inside them in the trash, all marked as trashed with `rootId`. */
export async function trashSubtree(
  db: DbOrTrx,
  args: { rootId: string; folderIds: string[]; byId: string | null; nowIso: string },
) {
  const marks = { trashed_at: args.nowIso, trashed_by: args.byId, trash_root_id: args.rootId };
  await db
    .updateTable('folders')
    .set(marks)
    .where('id', 'in', args.folderIds)
    .where('trashed_at', 'is', null)
    .execute();
  await db
    .updateTable('documents')
    .set({ ...marks, lock_user_id: null, lock_expires_at: null })
    .where('folder_id', 'in', args.folderIds)
    .where('trashed_at', 'is', null)
    .execute();
}

/** Brings back what was trashed together (same `trashRootId`) within the given folders. */
export async function restoreSubtree(db: DbOrTrx, args: { trashRootId: string; folderIds: string[] }) {
  const marks = { trashed_at: null, trashed_by: null, trash_root_id: null };
  await db
    .updateTable('folders')
    .set(marks)
    .where('id', 'in', args.folderIds)
    .where('trash_root_id', '=', args.trashRootId)
    .execute();
  await db
    .updateTable('documents')
    .set(marks)
    .where('folder_id', 'in', args.folderIds)
    .where('trash_root_id', '=', args.trashRootId)
    .execute();
}
