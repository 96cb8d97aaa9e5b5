import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { linkCreated, shareApi, sharedSpace } from './shares.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe(`what a folder link reaches (${testDialect})`, () => {
  it('lists and downloads inside the shared folder and its sub-folders only; any other id is 404', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id });
    const visitor = server.client();
    const root = await visitor.get(shareApi(link.token));
    expect(root.body.listing.folders.map((f: { name: string }) => f.name)).toEqual(['Drafts']);
    const sub = await visitor.get(shareApi(link.token, `/folders/${space.sub.id}`));
    expect(sub.status).toBe(200);
    expect(sub.body.breadcrumb.map((f: { name: string }) => f.name)).toEqual(['Deliverables', 'Drafts']);
    expect((await visitor.getBytes(shareApi(link.token, `/documents/${space.inSub.id}/content`))).status).toBe(200);

    for (const outside of [space.secret.id, space.atRoot.id]) {
      expect((await visitor.getBytes(shareApi(link.token, `/documents/${outside}/content`))).status).toBe(404);
    }
    expect((await visitor.get(shareApi(link.token, `/folders/${space.outside.id}`))).status).toBe(404);
    expect((await visitor.getBytes(shareApi(link.token, `/zip?folderId=${space.outside.id}`))).status).toBe(404);
    // The document link's own route does not serve a folder link, and vice versa.
    expect((await visitor.getBytes(shareApi(link.token, '/content'))).status).toBe(404);
  });

  it('a file link reaches that file only', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    const visitor = server.client();
    expect((await visitor.getBytes(shareApi(link.token, `/documents/${space.inSub.id}/content`))).status).toBe(404);
    expect((await visitor.get(shareApi(link.token, `/folders/${space.folder.id}`))).status).toBe(404);
    expect((await visitor.getBytes(shareApi(link.token, '/zip'))).status).toBe(404);
  });

  it('files trashed inside the shared folder disappear from the link', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id });
    await space.contributor.post(`/api/v1/documents/${space.inFolder.id}/trash`);
    const visitor = server.client();
    expect((await visitor.get(shareApi(link.token))).body.listing.documents).toEqual([]);
    expect((await visitor.getBytes(shareApi(link.token, `/documents/${space.inFolder.id}/content`))).status).toBe(404);
  });
});

describe(`a link lives only as long as its creator may share (${testDialect})`, () => {
  it('disabling the creator kills the link; enabling them again brings it back', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    const setStatus = (status: 'active' | 'disabled') =>
      server.deps.db.updateTable('users').set({ status }).where('id', '=', space.ids.contributor).execute();
    await setStatus('disabled');
    const dead = await server.client().getBytes(shareApi(link.token, '/content'));
    expect(dead.status).toBe(410);
    expect(dead.problem?.code).toBe('shares.link_revoked');
    const listed = await space.manager.get(`/api/v1/documents/${space.inFolder.id}/share-links`);
    expect(listed.body.links[0].status).toBe('disabled');
    await setStatus('active');
    expect((await server.client().getBytes(shareApi(link.token, '/content'))).status).toBe(200);
  });

  it("disabling the creator's organization kills the link", async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id });
    const person = await server.deps.db
      .selectFrom('users')
      .select('organization_id')
      .where('id', '=', space.ids.contributor)
      .executeTakeFirstOrThrow();
    await server.deps.db
      .updateTable('organizations')
      .set({ status: 'disabled' })
      .where('id', '=', person.organization_id)
      .execute();
    expect((await server.client().get(shareApi(link.token))).status).toBe(410);
  });

  it('removing the creator from the space, or making them a viewer, kills the link', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    const membership = () =>
      server.deps.db
        .updateTable('space_members')
        .where('space_id', '=', space.spaceId)
        .where('user_id', '=', space.ids.contributor);
    await membership().set({ role: 'viewer' }).execute();
    expect((await server.client().get(shareApi(link.token))).status).toBe(410);
    await membership()
      .set({ role: 'contributor', expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await server.client().get(shareApi(link.token))).status).toBe(410);
  });
});

describe(`share downloads are audited like every download (${testDialect})`, () => {
  it('each download names the link, the version and the address in the audit trail and the access log', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id });
    await server.client().getBytes(shareApi(link.token, `/documents/${space.inFolder.id}/content`));
    await server.client().getBytes(shareApi(link.token, '/zip'));
    const events = await server.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'document.downloaded')
      .where('target_id', 'in', [space.inFolder.id, space.inSub.id])
      .orderBy('seq')
      .execute();
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.actor_id).toBeNull();
      expect(event.actor_label).toBe(`share link ${link.id}`);
      expect(event.ip).toBe('127.0.0.1');
      expect(JSON.parse(event.details)).toMatchObject({ version: 1, via: 'share_link', spaceId: space.spaceId });
    }
    // The managers' access log of the document shows the visit too.
    const log = await space.manager.get(`/api/v1/documents/${space.inFolder.id}/access-log`);
    expect(log.body.entries.map((e: { actor: { label: string } }) => e.actor.label)).toContain(`share link ${link.id}`);
  });
});
