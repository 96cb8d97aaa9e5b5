import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { addressesOf, type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { folderCreated } from '../documents/documents.test-helpers';
import { recipientUploads, requestCreated } from '../requests/requests.test-helpers';

let server: TestServer;
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url } });
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

const emailOf = async (id: string) =>
  (await server.deps.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

/** A request into the "Received" folder, followed by the viewer; `deliver` uploads one file and runs the jobs. */
async function followedFolder() {
  const setup = await requestCreated(server);
  const follow = await setup.viewer.request('PUT', `/api/v1/folders/${setup.folder.id}/follow`);
  expect(follow.status).toBe(200);
  expect(follow.body).toEqual({ following: true });
  const deliver = async (name = 'kbis.pdf') => {
    mail.clear();
    const upload = await recipientUploads(server.client(), setup.request.token, setup.request.items[0].id, name, name);
    expect(upload.status).toBe(201);
    await server.runJobs();
  };
  return { ...setup, deliver };
}

describe(`following a folder (${testDialect})`, () => {
  it('a follower gets an e-mail and an in-app notice for a new file, and can mark it read', async () => {
    const setup = await followedFolder();
    await setup.deliver();
    const viewerEmail = await emailOf(setup.ids.viewer);
    const message = await mail.waitFor((m) => addressesOf(m.to).includes(viewerEmail));
    expect(message.subject).toBe('New file in "Received": Kbis extract — kbis.pdf');
    expect(message.text).toContain(`/spaces/${setup.spaceId}?folder=${setup.folder.id}`);
    const list = await setup.viewer.get('/api/v1/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    const [notice] = list.body.notifications;
    expect(notice).toMatchObject({
      kind: 'folder.new_file',
      readAt: null,
      link: `/spaces/${setup.spaceId}?folder=${setup.folder.id}`,
    });
    expect((await setup.outsider.post(`/api/v1/notifications/${notice.id}/read`)).status).toBe(404);
    expect((await setup.viewer.post(`/api/v1/notifications/${notice.id}/read`)).status).toBe(200);
    expect((await setup.viewer.get('/api/v1/notifications')).body.unread).toBe(0);
  });

  it('following a folder covers its sub-folders; a new version is announced as such', async () => {
    const setup = await followedFolder();
    const inner = await folderCreated(setup.contributor, setup.spaceId, 'Inner', setup.folder.id);
    const upload = await setup.contributor.upload(
      `/api/v1/spaces/${setup.spaceId}/documents`,
      { folderId: inner.id },
      'plan.txt',
      new TextEncoder().encode('v2'),
    );
    expect(upload.status).toBe(201);
    await setup.contributor.request('PUT', `/api/v1/folders/${setup.folder.id}/follow`);
    await server.runJobs();
    await setup.viewer.post('/api/v1/notifications/read-all');
    const again = await setup.contributor.upload(
      `/api/v1/spaces/${setup.spaceId}/documents`,
      { folderId: inner.id },
      'plan.txt',
      new TextEncoder().encode('v2, longer'),
    );
    expect(again.body.document.id).toBe(upload.body.document.id);
    mail.clear();
    await server.runJobs();
    const list = await setup.viewer.get('/api/v1/notifications');
    expect(list.body.notifications[0]).toMatchObject({
      kind: 'folder.new_version',
      title: 'New version (v2) of plan.txt in "Inner"',
      body: 'Uploaded by The contributor.',
    });
    // The uploader follows too, and is not told about their own upload.
    expect((await setup.contributor.get('/api/v1/notifications')).body.notifications).toEqual([]);
  });

  it('someone who unfollowed and someone removed from the space get nothing', async () => {
    const setup = await followedFolder();
    await setup.contributor.request('PUT', `/api/v1/folders/${setup.folder.id}/follow`);
    await setup.owner.request('PUT', `/api/v1/folders/${setup.folder.id}/follow`);
    expect((await setup.contributor.delete(`/api/v1/folders/${setup.folder.id}/follow`)).body).toEqual({
      following: false,
    });
    expect((await setup.contributor.get(`/api/v1/folders/${setup.folder.id}/follow`)).body).toEqual({
      following: false,
    });
    await server.deps.db
      .deleteFrom('space_members')
      .where('space_id', '=', setup.spaceId)
      .where('user_id', '=', setup.ids.owner)
      .execute();
    await setup.deliver();
    const viewerEmail = await emailOf(setup.ids.viewer);
    await mail.waitFor((m) => addressesOf(m.to).includes(viewerEmail));
    for (const id of [setup.ids.contributor, setup.ids.owner]) {
      const email = await emailOf(id);
      expect(
        mail.messages.filter((m) => addressesOf(m.to).includes(email) && /New file/.test(m.subject ?? '')),
      ).toEqual([]);
      const notices = await server.deps.db.selectFrom('notifications').select('id').where('user_id', '=', id).execute();
      expect(notices).toEqual([]);
    }
  });

  it('following and unfollowing a folder are audited once per change, naming the person and the folder', async () => {
    const setup = await requestCreated(server);
    const path = `/api/v1/folders/${setup.folder.id}/follow`;
    expect((await setup.viewer.request('PUT', path)).status).toBe(200);
    expect((await setup.viewer.request('PUT', path)).status).toBe(200);
    expect((await setup.viewer.delete(path)).status).toBe(200);
    expect((await setup.viewer.delete(path)).status).toBe(200);
    const trail = await server.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'target_type', 'target_label'])
      .where('target_id', '=', setup.folder.id)
      .where('action', 'in', ['folder.followed', 'folder.unfollowed'])
      .orderBy('seq')
      .execute();
    expect(trail).toEqual([
      { action: 'folder.followed', actor_id: setup.ids.viewer, target_type: 'folder', target_label: 'Received' },
      { action: 'folder.unfollowed', actor_id: setup.ids.viewer, target_type: 'folder', target_label: 'Received' },
    ]);
  });

  it('a disabled follower gets nothing; a person outside the space cannot follow (404)', async () => {
    const setup = await followedFolder();
    await server.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', setup.ids.viewer).execute();
    await setup.deliver();
    const notices = await server.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', setup.ids.viewer)
      .execute();
    expect(notices).toEqual([]);
    expect((await setup.outsider.request('PUT', `/api/v1/folders/${setup.folder.id}/follow`)).status).toBe(404);
  });
});
