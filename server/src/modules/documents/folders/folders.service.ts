import type { Folder } from '@gatehouse/contracts';
import { record } from '../../../core/audit/audit';
import { actorId } from '../../../core/auth/actor';
import type { RequestContext } from '../../../core/context';
import { emit } from '../../../core/events/events';
import { errors } from '../../../core/http/errors';
import { newId } from '../../../core/ids';
import { authorizeFolder, type SpaceFacts } from '../documents.access';
import { documentLocked, invalidMove, nameTaken, withUniqueNames } from '../documents.errors';
import { toFolder } from '../documents.mappers';
import { nameKey } from '../documents.models';
import { hasForeignLockIn } from '../documents.queries';
import { indexFolder } from '../documents.search';
import {
  folderAncestry,
  folderSubtree,
  getFolderById,
  insertFolder,
  nameInUse,
  restoreSubtree,
  trashSubtree,
  updateFolderRow,
} from './folders.queries';

async function reloadFolder(ctx: RequestContext, facts: SpaceFacts, id: string): Promise<Folder> {
  const row = await getFolderById(ctx.db, id);
  if (!row) throw errors.notFound();
  return toFolder(ctx, facts, row);
}

export async function createFolder(
  ctx: RequestContext,
  input: { spaceId: string; parentId?: string | null; name: string },
): Promise<Folder> {
  const parentId = input.parentId ?? null;
  const { facts } = await authorizeFolder(ctx, { spaceId: input.spaceId, folderId: parentId, action: 'folder.create' });
  const name = input.name.trim();
  const id = newId();
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      const key = nameKey(name);
      if (await nameInUse(trx, { spaceId: facts.spaceId, parentId, nameKey: key })) throw nameTaken();
      const nowIso = ctx.clock.now().toISOString();
      await insertFolder(trx, {
        id,
        spaceId: facts.spaceId,
        parentId,
        name,
        nameKey: key,
        createdBy: actorId(ctx.actor),
        nowIso,
      });
      await indexFolder(trx, id);
      await emit(trx, ctx, { name: 'folder.created', payload: { folderId: id, spaceId: facts.spaceId, parentId } });
      await record(trx, ctx, {
        action: 'folder.created',
        target: { type: 'folder', id, label: name },
        details: { spaceId: facts.spaceId, parentId },
      });
    }),
  );
  ctx.wakeJobs();
  return reloadFolder(ctx, facts, id);
}

/** Renames and/or moves a folder within its space; never into itself or one of its own sub-folders. */
export async function updateFolder(
  ctx: RequestContext,
  input: { id: string; name?: string; parentId?: string | null },
): Promise<Folder> {
  const { folder, facts } = await authorizeFolder(ctx, { folderId: input.id, action: 'folder.update' });
  if (!folder) throw errors.notFound();
  const name = input.name?.trim() ?? folder.name;
  const moving = input.parentId !== undefined && input.parentId !== folder.parent_id;
  const parentId = moving ? (input.parentId ?? null) : folder.parent_id;
  if (moving && parentId !== null) {
    if (parentId === folder.id) throw invalidMove();
    await authorizeFolder(ctx, { spaceId: facts.spaceId, folderId: parentId, action: 'folder.create' });
    const ancestry = await folderAncestry(ctx.db, parentId);
    if (ancestry.some((ancestor) => ancestor.id === folder.id)) throw invalidMove();
  }
  if (!moving && name === folder.name) return toFolder(ctx, facts, folder);
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      const key = nameKey(name);
      if (await nameInUse(trx, { spaceId: facts.spaceId, parentId, nameKey: key, exceptId: folder.id })) {
        throw nameTaken();
      }
      const set = { name, name_key: key, ...(moving ? { parent_id: parentId } : {}) };
      await updateFolderRow(trx, { id: folder.id, nowIso: ctx.clock.now().toISOString(), set });
      await indexFolder(trx, folder.id);
      await record(trx, ctx, {
        action: moving ? 'folder.moved' : 'folder.renamed',
        target: { type: 'folder', id: folder.id, label: name },
        details: {
          spaceId: facts.spaceId,
          ...(name !== folder.name ? { previousName: folder.name, name } : {}),
          ...(moving ? { fromParentId: folder.parent_id, toParentId: parentId } : {}),
        },
      });
    }),
  );
  return reloadFolder(ctx, facts, folder.id);
}

/**
 * Trashes the folder with everything live inside it. Refused with 423 while someone else holds a lock on a document
 * inside: they are editing it.
 */
export async function trashFolder(ctx: RequestContext, input: { id: string }): Promise<Folder> {
  const { folder, facts } = await authorizeFolder(ctx, { folderId: input.id, action: 'folder.delete' });
  if (!folder) throw errors.notFound();
  if (folder.trashed_at) return toFolder(ctx, facts, folder);
  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = ctx.clock.now().toISOString();
    const live = (await folderSubtree(trx, folder.id)).filter((f) => f.trashed_at === null).map((f) => f.id);
    if (await hasForeignLockIn(trx, { folderIds: live, userId: actorId(ctx.actor), nowIso })) {
      throw documentLocked('A document in this folder is checked out by someone else.');
    }
    await trashSubtree(trx, { rootId: folder.id, folderIds: live, byId: actorId(ctx.actor), nowIso });
    await record(trx, ctx, {
      action: 'folder.trashed',
      target: { type: 'folder', id: folder.id, label: folder.name },
      details: { spaceId: facts.spaceId, folders: live.length },
    });
  });
  return reloadFolder(ctx, facts, folder.id);
}

/**
 * Brings the folder back with what was trashed together with it. When its parent is still in the trash, the folder
 * comes back at the root of the space (a restored folder inside a trashed one would stay invisible).
 */
export async function restoreFolder(ctx: RequestContext, input: { id: string }): Promise<Folder> {
  const { folder, facts } = await authorizeFolder(ctx, { folderId: input.id, action: 'folder.delete' });
  if (!folder) throw errors.notFound();
  if (!folder.trashed_at) return toFolder(ctx, facts, folder);
  const trashRootId = folder.trash_root_id ?? folder.id;
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      const parent = folder.parent_id ? await getFolderById(trx, folder.parent_id) : null;
      const parentId = parent && !parent.trashed_at ? parent.id : null;
      if (await nameInUse(trx, { spaceId: facts.spaceId, parentId, nameKey: folder.name_key, exceptId: folder.id })) {
        throw nameTaken('A live item of the destination folder has the same name: rename it first.');
      }
      const subtree = (await folderSubtree(trx, folder.id)).map((f) => f.id);
      await restoreSubtree(trx, { trashRootId, folderIds: subtree });
      const set = { trashed_at: null, trashed_by: null, trash_root_id: null, parent_id: parentId };
      await updateFolderRow(trx, { id: folder.id, nowIso: ctx.clock.now().toISOString(), set });
      await indexFolder(trx, folder.id);
      await record(trx, ctx, {
        action: 'folder.restored',
        target: { type: 'folder', id: folder.id, label: folder.name },
        details: { spaceId: facts.spaceId, parentId },
      });
    }),
  );
  return reloadFolder(ctx, facts, folder.id);
}
