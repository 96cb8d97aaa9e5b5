import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { createFolderResolver, type FolderApi } from './folder-resolver';

type Folder = { id: string; name: string; parentId: string | null };

/** An in-memory folder tree that answers like the API, and counts what it was asked. */
function fakeFolders(initial: Folder[] = []) {
  const folders = [...initial];
  const calls = { list: 0, create: 0 };
  let next = 0;
  const api: FolderApi = {
    listFolders: async ({ parentId }) => {
      calls.list += 1;
      return folders.filter((folder) => folder.parentId === parentId);
    },
    createFolder: async ({ parentId, name }) => {
      calls.create += 1;
      await Promise.resolve();
      if (folders.some((f) => f.parentId === parentId && f.name.toLowerCase() === name.toLowerCase())) {
        throw new ApiError({ status: 409, code: 'documents.name_taken', title: 'Taken' });
      }
      next += 1;
      const folder = { id: `new-${next}`, name, parentId };
      folders.push(folder);
      return folder;
    },
  };
  return { api, folders, calls };
}

describe('folder resolver for uploads', () => {
  it('many files of one dropped folder create that folder once', async () => {
    const fake = fakeFolders();
    const resolve = createFolderResolver({ spaceId: 's', rootId: null, folders: fake.api });
    const ids = await Promise.all([resolve(['Q3', 'Invoices']), resolve(['Q3', 'Invoices']), resolve(['Q3'])]);
    expect(ids[0]).toBe(ids[1]);
    expect(fake.calls.create).toBe(2);
    expect(fake.folders.map((folder) => folder.name)).toEqual(['Q3', 'Invoices']);
  });

  it('a folder that already exists with the same name (any case) is reused, not duplicated', async () => {
    const fake = fakeFolders([{ id: 'existing', name: 'reports', parentId: 'root' }]);
    const resolve = createFolderResolver({ spaceId: 's', rootId: 'root', folders: fake.api });
    expect(await resolve(['Reports'])).toBe('existing');
    expect(fake.calls.create).toBe(0);
  });

  it('a folder created by someone else in the meantime is found again and reused', async () => {
    const fake = fakeFolders();
    const resolve = createFolderResolver({ spaceId: 's', rootId: null, folders: fake.api });
    // The listing is read first (empty), then someone else creates the folder before our create call lands.
    const original = fake.api.listFolders;
    fake.api.listFolders = async (input) => {
      const answer = await original(input);
      if (fake.calls.list === 1) fake.folders.push({ id: 'theirs', name: 'Shared', parentId: null });
      return answer;
    };
    expect(await resolve(['Shared'])).toBe('theirs');
  });

  it('files at the top of the drop go into the folder on screen', async () => {
    const fake = fakeFolders();
    const resolve = createFolderResolver({ spaceId: 's', rootId: 'current', folders: fake.api });
    expect(await resolve([])).toBe('current');
    expect(fake.calls.list + fake.calls.create).toBe(0);
  });
});
