import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import { auditEvents, folderCreated, spaceWithCast, text, uploaded } from '../documents.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const names = (items: { name: string }[]) => items.map((item) => item.name);

describe(`listing a folder (${testDialect})`, () => {
  it('shows folders first then documents, each by name whatever the case, with breadcrumb, usage and abilities', async () => {
    const cast = await spaceWithCast(server);
    const projects = await folderCreated(cast.contributor, cast.spaceId, 'Projects');
    const alpha = await folderCreated(cast.contributor, cast.spaceId, 'alpha', projects.id);
    await folderCreated(cast.contributor, cast.spaceId, 'Zulu', projects.id);
    await uploaded(cast.contributor, cast.spaceId, 'b.txt', text('bb'), { folderId: projects.id });
    await uploaded(cast.contributor, cast.spaceId, 'A.txt', text('a'), { folderId: projects.id });
    const inside = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${alpha.id}`);
    expect(inside.body.breadcrumb).toEqual([
      { id: projects.id, name: 'Projects' },
      { id: alpha.id, name: 'alpha' },
    ]);
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${projects.id}`);
    expect(listing.status).toBe(200);
    expect(names(listing.body.folders)).toEqual(['alpha', 'Zulu']);
    expect(names(listing.body.documents)).toEqual(['A.txt', 'b.txt']);
    expect(listing.body.usage).toEqual({ bytes: 3, quotaBytes: null });
    expect(listing.body.abilities).toMatchObject({
      'folder.read': true,
      'folder.create': false,
      'document.upload': false,
    });
    expect(listing.body.documents[0].abilities).toMatchObject({ 'document.read': true, 'document.update': false });
    const asContributor = await cast.contributor.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${projects.id}`);
    expect(asContributor.body.abilities).toMatchObject({ 'folder.create': true, 'document.upload': true });
    expect(asContributor.body.folders[0].abilities).toMatchObject({ 'folder.update': true, 'folder.delete': true });
  });

  it('pages through a large folder with a cursor: every item once, in order, with the totals on each page', async () => {
    const cast = await spaceWithCast(server);
    const big = await folderCreated(cast.contributor, cast.spaceId, 'Big');
    const folderNames = ['f-c', 'F-a', 'f-b'];
    const fileNames = ['e.txt', 'A.txt', 'c.txt', 'B.txt', 'd.txt'];
    for (const name of folderNames) await folderCreated(cast.contributor, cast.spaceId, name, big.id);
    for (const name of fileNames)
      await uploaded(cast.contributor, cast.spaceId, name, text(name), { folderId: big.id });
    const seen: { folders: string[]; documents: string[]; pages: number } = { folders: [], documents: [], pages: 0 };
    let cursor: string | null = null;
    do {
      const query: string = `folderId=${big.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.folders.length + page.body.documents.length).toBeLessThanOrEqual(2);
      expect(page.body.counts).toEqual({ folders: 3, documents: 5 });
      seen.folders.push(...names(page.body.folders));
      seen.documents.push(...names(page.body.documents));
      seen.pages += 1;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual({
      folders: ['F-a', 'f-b', 'f-c'],
      documents: ['A.txt', 'B.txt', 'c.txt', 'd.txt', 'e.txt'],
      pages: 4,
    });
    const whole = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${big.id}`);
    expect(whole.body.nextCursor).toBeNull();
    expect(names(whole.body.documents)).toEqual(['A.txt', 'B.txt', 'c.txt', 'd.txt', 'e.txt']);
  });

  it('a page of the trash has its own cursor, and a cursor that was not issued by a listing is a 400', async () => {
    const cast = await spaceWithCast(server);
    for (const name of ['one.txt', 'two.txt', 'three.txt']) {
      const doc = await uploaded(cast.contributor, cast.spaceId, name, text(name));
      expect((await cast.contributor.post(`/api/v1/documents/${doc.id}/trash`)).status).toBe(200);
    }
    const first = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?trashed=true&limit=2`);
    expect(names(first.body.documents)).toEqual(['one.txt', 'three.txt']);
    expect(first.body.counts).toEqual({ folders: 0, documents: 3 });
    const second = await cast.viewer.get(
      `/api/v1/spaces/${cast.spaceId}/files?trashed=true&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(names(second.body.documents)).toEqual(['two.txt']);
    expect(second.body.nextCursor).toBeNull();
    for (const cursor of ['bm90IGpzb24', Buffer.from('["x","a","b"]').toString('base64url'), 'a'.repeat(1025)]) {
      const refused = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?cursor=${cursor}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('a person who is not a member gets 404 for the space, and a folder of another space is not found here', async () => {
    const cast = await spaceWithCast(server);
    const other = await spaceWithCast(server);
    const foreign = await folderCreated(other.contributor, other.spaceId, 'Theirs');
    expect((await cast.outsider.get(`/api/v1/spaces/${cast.spaceId}/files`)).status).toBe(404);
    expect((await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${foreign.id}`)).status).toBe(404);
  });
});

describe(`creating, renaming and moving folders (${testDialect})`, () => {
  it('live sibling names are unique whatever the case, but the same name may live in another folder', async () => {
    const cast = await spaceWithCast(server);
    const first = await folderCreated(cast.contributor, cast.spaceId, 'Reports');
    const twin = await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/folders`, { name: 'REPORTS' });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('documents.name_taken');
    await folderCreated(cast.contributor, cast.spaceId, 'Reports', first.id);
    const [event] = await auditEvents(server, 'folder.created', first.id);
    expect(event.actor_id).toBe(cast.ids.contributor);
  });

  it('a folder is renamed and moved; moving it into itself or one of its descendants is refused with 409', async () => {
    const cast = await spaceWithCast(server);
    const top = await folderCreated(cast.contributor, cast.spaceId, 'Top');
    const middle = await folderCreated(cast.contributor, cast.spaceId, 'Middle', top.id);
    const bottom = await folderCreated(cast.contributor, cast.spaceId, 'Bottom', middle.id);
    for (const target of [top.id, middle.id, bottom.id]) {
      const refused = await cast.contributor.patch(`/api/v1/folders/${top.id}`, { parentId: target });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('documents.invalid_move');
    }
    const moved = await cast.contributor.patch(`/api/v1/folders/${bottom.id}`, { parentId: null, name: 'Bottom up' });
    expect(moved.status).toBe(200);
    expect(moved.body.folder).toMatchObject({ parentId: null, name: 'Bottom up' });
    expect(await auditEvents(server, 'folder.moved', bottom.id)).toHaveLength(1);
    expect((await cast.viewer.patch(`/api/v1/folders/${top.id}`, { name: 'Mine' })).status).toBe(403);
  });
});

describe(`trash and restore of folder trees (${testDialect})`, () => {
  it('trashing a folder hides it and everything inside; restoring brings back exactly what went with it', async () => {
    const cast = await spaceWithCast(server);
    const top = await folderCreated(cast.contributor, cast.spaceId, 'Old project');
    const sub = await folderCreated(cast.contributor, cast.spaceId, 'Drafts', top.id);
    const inner = await uploaded(cast.contributor, cast.spaceId, 'draft.txt', text('d'), { folderId: sub.id });
    const earlier = await uploaded(cast.contributor, cast.spaceId, 'gone.txt', text('g'), { folderId: top.id });
    await cast.contributor.post(`/api/v1/documents/${earlier.id}/trash`);

    const trashed = await cast.contributor.post(`/api/v1/folders/${top.id}/trash`);
    expect(trashed.status).toBe(200);
    expect(trashed.body.folder.trashedAt).not.toBeNull();
    expect((await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`)).body.folders).toEqual([]);
    const bin = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?trashed=true`);
    expect(names(bin.body.folders)).toEqual(['Old project']);
    expect(names(bin.body.documents)).toEqual(['gone.txt']);
    expect((await cast.viewer.get(`/api/v1/documents/${inner.id}`)).body.document.trashedAt).not.toBeNull();

    const restored = await cast.contributor.post(`/api/v1/folders/${top.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.folder.trashedAt).toBeNull();
    const subListing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${sub.id}`);
    expect(names(subListing.body.documents)).toEqual(['draft.txt']);
    const topListing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${top.id}`);
    expect(names(topListing.body.documents)).toEqual([]);
    expect(await auditEvents(server, 'folder.trashed', top.id)).toHaveLength(1);
    expect(await auditEvents(server, 'folder.restored', top.id)).toHaveLength(1);
  });

  it('restoring is refused with 409 when a live item took the name meanwhile', async () => {
    const cast = await spaceWithCast(server);
    const first = await folderCreated(cast.contributor, cast.spaceId, 'Archive');
    await cast.contributor.post(`/api/v1/folders/${first.id}/trash`);
    await folderCreated(cast.contributor, cast.spaceId, 'archive');
    const refused = await cast.contributor.post(`/api/v1/folders/${first.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('documents.name_taken');
  });

  it('nothing is created inside a trashed folder: 409 documents.in_trash', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Binned');
    await cast.contributor.post(`/api/v1/folders/${folder.id}/trash`);
    const create = await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/folders`, {
      name: 'Inside',
      parentId: folder.id,
    });
    expect(create.status).toBe(409);
    expect(create.body.code).toBe('documents.in_trash');
    const upload = await cast.contributor.upload(
      `/api/v1/spaces/${cast.spaceId}/documents`,
      { folderId: folder.id },
      'x.txt',
      text('x'),
    );
    expect(upload.status).toBe(409);
  });
});

describe(`hostile names (${testDialect})`, () => {
  it('separators, NUL, control and direction-override characters and over-long names are refused', async () => {
    const cast = await spaceWithCast(server);
    for (const name of [
      '../etc',
      'a/b',
      'a\\b',
      '..',
      'nul\u0000byte',
      'line\nbreak',
      'evil\u202etxt.exe',
      'é'.repeat(256),
    ]) {
      const response = await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/folders`, { name });
      expect(response.status, JSON.stringify(name)).toBe(400);
    }
    const document = await uploaded(cast.contributor, cast.spaceId, 'ok.txt', text('x'));
    const rename = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { name: '../../passwd' });
    expect(rename.status).toBe(400);
  });

  it('reserved device names, quotes and dots are only data: stored as typed, and no file is named after them', async () => {
    const cast = await spaceWithCast(server);
    const odd = ['CON', 'say "hi".txt', '..hidden', 'x'.repeat(255), "O'Brien & <b>.txt"];
    for (const name of odd) await uploaded(cast.contributor, cast.spaceId, name, text(name));
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
    expect(names(listing.body.documents).sort()).toEqual([...odd].sort());
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(entry);
      }
    };
    walk(join(server.dataDir, 'blobs'));
    expect(files.length).toBeGreaterThanOrEqual(odd.length);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{64}$/);
  });
});
