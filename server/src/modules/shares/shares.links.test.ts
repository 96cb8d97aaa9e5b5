import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { linkCreated, shareApi, sharedSpace } from './shares.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { SHARE_LINK_DEFAULT_DAYS: '7', SHARE_LINK_MAX_DAYS: '30' } });
});
afterAll(async () => {
  await server?.close();
});

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe(`creating share links (${testDialect})`, () => {
  it('the creation dialog learns the default and the longest expiry the administrators set', async () => {
    const space = await sharedSpace(server);
    const settings = await space.viewer.get('/api/v1/share-link-settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ defaultDays: 7, maxDays: 30 });
  });

  it('a contributor shares a file: the link expires after the default, and its address opens the file', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    expect(link.status).toBe('active');
    expect(link.target).toEqual({ type: 'document', id: space.inFolder.id, name: 'report.txt' });
    expect(days(link.createdAt as string, link.expiresAt as string)).toBe(7);
    expect(link.url).toBe(`${server.url}/s/${link.token}`);
    const view = await server.client().get(shareApi(link.token));
    expect(view.status).toBe(200);
    expect(view.body.document.name).toBe('report.txt');
  });

  it('an expiry beyond the maximum is refused; a shorter one is kept', async () => {
    const space = await sharedSpace(server);
    const tooLong = await space.contributor.post(`/api/v1/documents/${space.inFolder.id}/share-links`, {
      expiresInDays: 31,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('shares.expiry_too_long');
    const short = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { expiresInDays: 2 },
    );
    expect(days(short.createdAt as string, short.expiresAt as string)).toBe(2);
  });

  it('a viewer of the space cannot share (403); a person outside the space does not see the file (404)', async () => {
    const space = await sharedSpace(server);
    const byViewer = await space.viewer.post(`/api/v1/folders/${space.folder.id}/share-links`, {});
    expect(byViewer.status).toBe(403);
    const byOutsider = await space.outsider.post(`/api/v1/folders/${space.folder.id}/share-links`, {});
    expect(byOutsider.status).toBe(404);
  });

  it('e-mail verification needs the recipient address', async () => {
    const space = await sharedSpace(server);
    const response = await space.contributor.post(`/api/v1/documents/${space.inFolder.id}/share-links`, {
      requireEmail: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('shares.recipient_required');
  });

  it('a file in the trash cannot be shared', async () => {
    const space = await sharedSpace(server);
    await space.contributor.post(`/api/v1/documents/${space.atRoot.id}/trash`);
    const response = await space.contributor.post(`/api/v1/documents/${space.atRoot.id}/share-links`, {});
    expect(response.status).toBe(409);
  });
});

describe(`seeing and revoking share links (${testDialect})`, () => {
  it("the creator and the space's managers see a link and its access log; a viewer and a person outside the space do not", async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    await server.client().getBytes(shareApi(link.token, '/content'));
    for (const who of [space.contributor, space.manager, space.owner]) {
      const log = await who.get(`/api/v1/share-links/${link.id}/access-log`);
      expect(log.status).toBe(200);
      expect(log.body.entries).toHaveLength(1);
      expect(log.body.entries[0]).toMatchObject({ kind: 'download', what: 'report.txt', version: 1 });
    }
    expect((await space.viewer.get(`/api/v1/share-links/${link.id}/access-log`)).status).toBe(404);
    expect((await space.outsider.get(`/api/v1/share-links/${link.id}/access-log`)).status).toBe(404);
    const listedForViewer = await space.viewer.get(`/api/v1/documents/${space.inFolder.id}/share-links`);
    expect(listedForViewer.body.links).toEqual([]);
    const listedForManager = await space.manager.get(`/api/v1/documents/${space.inFolder.id}/share-links`);
    expect(listedForManager.body.links.map((l: { id: string }) => l.id)).toEqual([link.id]);
  });

  it('managers list every link of the space; contributors may not', async () => {
    const space = await sharedSpace(server);
    const one = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    const two = await linkCreated(space.manager, { type: 'folders', id: space.folder.id });
    const listed = await space.manager.get(`/api/v1/spaces/${space.spaceId}/share-links`);
    expect(listed.status).toBe(200);
    expect(listed.body.links.map((l: { id: string }) => l.id).sort()).toEqual([one.id, two.id].sort());
    expect((await space.contributor.get(`/api/v1/spaces/${space.spaceId}/share-links`)).status).toBe(403);
  });

  it('a revoked link answers 410 at once, and the revocation is audited', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id });
    const visitor = server.client();
    expect((await visitor.get(shareApi(link.token))).status).toBe(200);
    expect((await space.viewer.post(`/api/v1/share-links/${link.id}/revoke`)).status).toBe(404);
    const revoked = await space.manager.post(`/api/v1/share-links/${link.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.link.status).toBe('revoked');
    const after = await visitor.get(shareApi(link.token));
    expect(after.status).toBe(410);
    expect(after.body.code).toBe('shares.link_revoked');
    expect((await visitor.getBytes(shareApi(link.token, '/zip'))).status).toBe(410);
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'share_link.revoked')
      .where('target_id', '=', link.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('an unknown token is 404; an expired link is 410', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'documents', id: space.inFolder.id });
    expect((await server.client().get(shareApi('x'.repeat(43)))).status).toBe(404);
    await server.deps.db
      .updateTable('share_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', link.id)
      .execute();
    const expired = await server.client().get(shareApi(link.token));
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('shares.link_expired');
    const listed = await space.contributor.get(`/api/v1/documents/${space.inFolder.id}/share-links`);
    expect(listed.body.links[0].status).toBe('expired');
  });
});
