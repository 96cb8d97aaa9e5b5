import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { auditEvents, folderCreated, sha256, spaceWithCast, text, uploaded } from './documents.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const countBlobs = async () =>
  Number(
    (
      await server.deps.db
        .selectFrom('blobs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`reading and changing a document (${testDialect})`, () => {
  it('a contributor renames, describes, tags and moves a document within its space, each change audited', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Finance');
    const document = await uploaded(cast.contributor, cast.spaceId, 'draft.txt', text('numbers'));
    const renamed = await cast.contributor.patch(`/api/v1/documents/${document.id}`, {
      name: 'Budget 2025.pdf',
      description: 'Approved budget',
      tags: ['finance', ' finance ', 'board'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.document).toMatchObject({
      name: 'Budget 2025.pdf',
      mimeType: 'application/pdf',
      description: 'Approved budget',
      tags: ['finance', 'board'],
      updatedBy: { id: cast.ids.contributor, name: 'The contributor' },
    });
    const moved = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { folderId: folder.id });
    expect(moved.body.document.folderId).toBe(folder.id);
    expect((await auditEvents(server, 'document.renamed', document.id))[0].details).toMatchObject({
      previousName: 'draft.txt',
      name: 'Budget 2025.pdf',
    });
    expect((await auditEvents(server, 'document.moved', document.id))[0].details).toMatchObject({
      fromFolderId: null,
      toFolderId: folder.id,
    });
    const read = await cast.viewer.get(`/api/v1/documents/${document.id}`);
    expect(read.body.document).toMatchObject({ folderId: folder.id, version: 1, size: 7, lock: null });
  });

  it('renaming onto a live sibling name is a 409, and a folder of another space is not a destination', async () => {
    const cast = await spaceWithCast(server);
    const other = await spaceWithCast(server);
    const elsewhere = await folderCreated(other.contributor, other.spaceId, 'Elsewhere');
    await uploaded(cast.contributor, cast.spaceId, 'Taken.txt', text('1'));
    const document = await uploaded(cast.contributor, cast.spaceId, 'free.txt', text('2'));
    const clash = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { name: 'taken.TXT' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('documents.name_taken');
    const away = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { folderId: elsewhere.id });
    expect(away.status).toBe(404);
  });

  it('a copy is a new document sharing the same blob: same hash, no new bytes stored, audited with its source', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Copies');
    const bytes = text('share me');
    const source = await uploaded(cast.contributor, cast.spaceId, 'Original.txt', bytes);
    const blobsBefore = await countBlobs();
    const copy = await cast.contributor.post(`/api/v1/documents/${source.id}/copy`, { folderId: folder.id });
    expect(copy.status).toBe(201);
    expect(copy.body.document).toMatchObject({ name: 'Original.txt', folderId: folder.id, version: 1 });
    expect(await countBlobs()).toBe(blobsBefore);
    const versions = await cast.viewer.get(`/api/v1/documents/${copy.body.document.id}/versions`);
    expect(versions.body.versions[0].sha256).toBe(sha256(bytes));
    const [event] = await auditEvents(server, 'document.copied', copy.body.document.id);
    expect(event.details).toMatchObject({ fromDocumentId: source.id });
    const sameFolder = await cast.contributor.post(`/api/v1/documents/${source.id}/copy`, { folderId: null });
    expect(sameFolder.body.document.name).toBe('Original (copy).txt');
    const named = await cast.contributor.post(`/api/v1/documents/${source.id}/copy`, {
      folderId: null,
      name: 'original.txt',
    });
    expect(named.status).toBe(409);
  });

  it('a trashed document leaves the listing, can still be read, and is restored to its folder', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Docs');
    const document = await uploaded(cast.contributor, cast.spaceId, 'note.txt', text('n'), { folderId: folder.id });
    const trashed = await cast.contributor.post(`/api/v1/documents/${document.id}/trash`);
    expect(trashed.body.document.trashedAt).not.toBeNull();
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${folder.id}`);
    expect(listing.body.documents).toEqual([]);
    const rename = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { name: 'other.txt' });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('documents.in_trash');
    const restored = await cast.contributor.post(`/api/v1/documents/${document.id}/restore`);
    expect(restored.body.document).toMatchObject({ trashedAt: null, folderId: folder.id });
    expect(await auditEvents(server, 'document.trashed', document.id)).toHaveLength(1);
    expect(await auditEvents(server, 'document.restored', document.id)).toHaveLength(1);
  });

  it('a document whose folder is still in the trash comes back at the root of the space', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Gone');
    const document = await uploaded(cast.contributor, cast.spaceId, 'kept.txt', text('k'), { folderId: folder.id });
    await cast.contributor.post(`/api/v1/folders/${folder.id}/trash`);
    const restored = await cast.contributor.post(`/api/v1/documents/${document.id}/restore`);
    expect(restored.body.document).toMatchObject({ trashedAt: null, folderId: null });
  });
});

describe(`versions (${testDialect})`, () => {
  it('are listed newest first; an old one is downloaded by number and restored as a new version', async () => {
    const cast = await spaceWithCast(server);
    const document = await uploaded(cast.contributor, cast.spaceId, 'plan.txt', text('first'));
    await cast.contributor.upload(`/api/v1/documents/${document.id}/versions`, { comment: 'fix' }, 'p', text('second'));
    const list = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(list.body.versions).toMatchObject([
      {
        number: 2,
        current: true,
        comment: 'fix',
        sha256: sha256(text('second')),
        author: { id: cast.ids.contributor },
      },
      { number: 1, current: false, sha256: sha256(text('first')) },
    ]);
    const old = await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content?version=1`);
    expect(old.bytes.toString()).toBe('first');
    const first = list.body.versions[1].id;
    expect((await cast.viewer.post(`/api/v1/documents/${document.id}/versions/${first}/restore`)).status).toBe(403);
    const restored = await cast.contributor.post(`/api/v1/documents/${document.id}/versions/${first}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.document).toMatchObject({ version: 3, size: 5 });
    const now = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(now.body.versions[0]).toMatchObject({
      number: 3,
      comment: 'Restored from version 1',
      sha256: sha256(text('first')),
    });
    expect((await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content`)).bytes.toString()).toBe('first');
    const [event] = await auditEvents(server, 'document.version_restored', document.id);
    expect(event.details).toMatchObject({ from: 1, version: 3 });
  });

  it('retention keeps the newest N versions after each new one and never touches the current version', async () => {
    const cast = await spaceWithCast(server);
    await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, { keepVersions: 2 });
    const document = await uploaded(cast.contributor, cast.spaceId, 'log.txt', text('1'));
    for (const content of ['2', '3', '4']) {
      await cast.contributor.upload(`/api/v1/documents/${document.id}/versions`, {}, 'log.txt', text(content));
    }
    const list = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(list.body.versions.map((v: { number: number }) => v.number)).toEqual([4, 3]);
    const pruned = await auditEvents(server, 'document.versions_pruned', document.id);
    expect(pruned.map((event) => event.details.versions)).toEqual([[1], [2]]);
  });

  it('retention by age drops versions older than the limit', async () => {
    const cast = await spaceWithCast(server);
    await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, { keepDays: 30 });
    const document = await uploaded(cast.contributor, cast.spaceId, 'aged.txt', text('old'));
    await server.deps.db
      .updateTable('document_versions')
      .set({ created_at: new Date(Date.now() - 40 * 86_400_000).toISOString() })
      .where('document_id', '=', document.id)
      .execute();
    await cast.contributor.upload(`/api/v1/documents/${document.id}/versions`, {}, 'aged.txt', text('new'));
    const list = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(list.body.versions.map((v: { number: number }) => v.number)).toEqual([2]);
  });
});
