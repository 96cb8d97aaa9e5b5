import { api, isApiError } from '../../../lib/api';
import { listAllSubfolders } from '../documents.api';
import { nameKey } from './upload-plan';

type FolderRef = { id: string; name: string };
/** The two calls the resolver needs, injectable so the rules can be tested without a server. */
export type FolderApi = {
  listFolders: (input: { spaceId: string; parentId: string | null }) => Promise<FolderRef[]>;
  createFolder: (input: { spaceId: string; parentId: string | null; name: string }) => Promise<FolderRef>;
};

export const folderApi: FolderApi = {
  listFolders: ({ spaceId, parentId }) => listAllSubfolders(spaceId, parentId),
  createFolder: async ({ spaceId, parentId, name }) =>
    (await api('createFolder', { params: { id: spaceId }, body: { name, parentId } })).folder,
};

export type FolderResolver = (dirs: string[]) => Promise<string | null>;

/**
 * Turns relative folder paths (`["Q3", "Invoices"]`) into folder ids under `rootId`, creating what is missing and
 * reusing folders that already exist with the same name. Each path is resolved once per upload batch, so
 * concurrent files of one folder never race to create it; a folder created by someone else in the meantime
 * (`documents.name_taken`) is looked up again and reused.
 */
export function createFolderResolver(input: { spaceId: string; rootId: string | null; folders?: FolderApi }) {
  const { spaceId, rootId, folders = folderApi } = input;
  const resolved = new Map<string, Promise<string | null>>();
  const children = new Map<string | null, Promise<FolderRef[]>>();

  const childrenOf = (parentId: string | null) => {
    let list = children.get(parentId);
    if (!list) {
      list = folders.listFolders({ spaceId, parentId });
      children.set(parentId, list);
    }
    return list;
  };

  const find = (list: FolderRef[], name: string) => list.find((folder) => nameKey(folder.name) === nameKey(name));

  const ensureChild = async (parentId: string | null, name: string): Promise<string> => {
    const existing = find(await childrenOf(parentId), name);
    if (existing) return existing.id;
    try {
      const created = await folders.createFolder({ spaceId, parentId, name });
      // A folder just created is empty: no need to ask the server for its sub-folders.
      children.set(created.id, Promise.resolve([]));
      return created.id;
    } catch (error) {
      if (!isApiError(error, 'documents.name_taken')) throw error;
      children.delete(parentId);
      const raced = find(await childrenOf(parentId), name);
      if (!raced) throw error;
      return raced.id;
    }
  };

  const resolve: FolderResolver = (dirs) => {
    if (dirs.length === 0) return Promise.resolve(rootId);
    const key = dirs.map(nameKey).join('/');
    let folderId = resolved.get(key);
    if (!folderId) {
      folderId = resolve(dirs.slice(0, -1)).then((parentId) => ensureChild(parentId, dirs[dirs.length - 1]));
      resolved.set(key, folderId);
      // A failure is not remembered: retrying a file of that folder tries to create it again.
      folderId.catch(() => resolved.delete(key));
    }
    return folderId;
  };
  return resolve;
}
