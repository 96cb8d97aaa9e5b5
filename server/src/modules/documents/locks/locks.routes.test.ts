import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createPerson } from '../../../../test/factories';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import { signedIn } from '../../people/people.test-helpers';
import { auditEvents, folderCreated, spaceWithCast, text, uploaded } from '../documents.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A space whose contributor checked out one document; a second contributor works next to them. */
async function lockedByContributor() {
  const cast = await spaceWithCast(server);
  const document = await uploaded(cast.contributor, cast.spaceId, 'contract.txt', text('v1'));
  const locked = await cast.contributor.post(`/api/v1/documents/${document.id}/lock`, {});
  expect(locked.status).toBe(200);
  return { cast, document, lock: locked.body.document.lock };
}

describe(`document locks (${testDialect})`, () => {
  it('a lock lasts 60 minutes by default and shows who holds it; only the holder sees it as theirs', async () => {
    const before = Date.now();
    const { cast, document, lock } = await lockedByContributor();
    expect(lock).toMatchObject({ by: { id: cast.ids.contributor, name: 'The contributor' }, mine: true });
    const minutes = (Date.parse(lock.expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThan(61);
    const seen = await cast.manager.get(`/api/v1/documents/${document.id}`);
    expect(seen.body.document.lock.mine).toBe(false);
    expect(seen.body.document.abilities).toMatchObject({ 'document.update': false, 'document.break_lock': true });
    expect(await auditEvents(server, 'document.locked', document.id)).toHaveLength(1);
  });

  it('someone else gets 423 on a new version, a rename, a move, a trash or a second lock; the holder may do all', async () => {
    const { cast, document } = await lockedByContributor();
    const folder = await folderCreated(cast.manager, cast.spaceId, 'Signed');
    const url = `/api/v1/documents/${document.id}`;
    const attempts = [
      () => cast.manager.upload(`${url}/versions`, {}, 'contract.txt', text('v2')),
      () => cast.manager.upload(`/api/v1/spaces/${cast.spaceId}/documents`, {}, 'Contract.txt', text('v2')),
      () => cast.manager.patch(url, { name: 'renamed.txt' }),
      () => cast.manager.patch(url, { folderId: folder.id }),
      () => cast.manager.post(`${url}/trash`),
      () => cast.manager.post(`${url}/lock`, {}),
      () => cast.manager.post(`/api/v1/folders/${folder.id}/trash`),
    ];
    for (const attempt of attempts.slice(0, 6)) {
      const response = await attempt();
      expect(response.status).toBe(423);
      expect(response.body.code).toBe('documents.locked');
    }
    const byHolder = await cast.contributor.upload(`${url}/versions`, {}, 'contract.txt', text('v2'));
    expect(byHolder.status).toBe(201);
    expect((await cast.contributor.patch(url, { folderId: folder.id })).status).toBe(200);
    const folderTrash = await attempts[6]();
    expect(folderTrash.status).toBe(423);
    expect((await cast.viewer.get(url)).status).toBe(200);
  });

  it('the holder checks the document in; a contributor cannot break the lock of another person (403)', async () => {
    const { cast, document } = await lockedByContributor();
    const url = `/api/v1/documents/${document.id}/lock`;
    const colleague = await createPerson(server.deps.db);
    await addMember(server.deps.db, { spaceId: cast.spaceId, userId: colleague.id, role: 'contributor' });
    const refused = await (await signedIn(server, colleague)).delete(url);
    expect(refused.status).toBe(403);
    expect((await cast.viewer.delete(url)).status).toBe(403);
    const released = await cast.contributor.delete(url);
    expect(released.status).toBe(200);
    expect(released.body.document.lock).toBeNull();
    expect(await auditEvents(server, 'document.unlocked', document.id)).toHaveLength(1);
    expect(await auditEvents(server, 'document.lock_broken', document.id)).toEqual([]);
  });

  it('a manager breaks someone else’s lock, and it is audited as a broken lock naming the holder', async () => {
    const { cast, document } = await lockedByContributor();
    const broken = await cast.manager.delete(`/api/v1/documents/${document.id}/lock`);
    expect(broken.status).toBe(200);
    expect(broken.body.document.lock).toBeNull();
    const [event] = await auditEvents(server, 'document.lock_broken', document.id);
    expect(event.actor_id).toBe(cast.ids.manager);
    expect(event.details).toMatchObject({ holderId: cast.ids.contributor });
    expect((await cast.manager.patch(`/api/v1/documents/${document.id}`, { name: 'free.txt' })).status).toBe(200);
  });

  it('an expired lock is ignored everywhere: others edit and lock the document without breaking anything', async () => {
    const { cast, document } = await lockedByContributor();
    await server.deps.db
      .updateTable('documents')
      .set({ lock_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', document.id)
      .execute();
    const read = await cast.manager.get(`/api/v1/documents/${document.id}`);
    expect(read.body.document.lock).toBeNull();
    expect((await cast.manager.patch(`/api/v1/documents/${document.id}`, { description: 'mine now' })).status).toBe(
      200,
    );
    const relocked = await cast.manager.post(`/api/v1/documents/${document.id}/lock`, { minutes: 5 });
    expect(relocked.status).toBe(200);
    expect(relocked.body.document.lock).toMatchObject({ by: { id: cast.ids.manager }, mine: true });
    expect(await auditEvents(server, 'document.lock_broken', document.id)).toEqual([]);
  });

  it('a viewer cannot lock (403) and an outsider does not see the document (404)', async () => {
    const cast = await spaceWithCast(server);
    const document = await uploaded(cast.contributor, cast.spaceId, 'open.txt', text('o'));
    expect((await cast.viewer.post(`/api/v1/documents/${document.id}/lock`, {})).status).toBe(403);
    expect((await cast.outsider.post(`/api/v1/documents/${document.id}/lock`, {})).status).toBe(404);
  });
});
