import { SpaceKind } from '@gatehouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentRequest, createFolder, createHostAdmin, createShareLink } from '../../../test/factories';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import { type Cast, spaceWithCast, text, uploaded } from '../documents/documents.test-helpers';
import { signedIn } from '../people/people.test-helpers';
import { queueIndexing } from '../search';
import { basicAuth, davPerson } from '../webdav/webdav.test-support';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, await createHostAdmin(server.deps.db));
});
afterAll(async () => {
  await server?.close();
});

async function capabilitiesOf(client: HttpClient, spaceId: string): Promise<string[]> {
  const response = await client.get(`/api/v1/spaces/${spaceId}`);
  expect(response.status, response.text).toBe(200);
  return response.body.space.capabilities;
}

describe(`space capabilities on ${testDialect}`, () => {
  it('the server lists its capabilities with the kinds they are on for: documents, for every kind', async () => {
    const response = await admin.get('/api/v1/space-capabilities');
    expect(response.status).toBe(200);
    expect(response.body.capabilities).toEqual([{ id: 'documents', defaultFor: SpaceKind.options }]);
  });

  it.each(SpaceKind.options)('a new %s space starts with its kind’s default capabilities', async (kind) => {
    const created = await admin.post('/api/v1/spaces', { name: `A ${kind} space`, kind });
    expect(created.status, created.text).toBe(201);
    expect(created.body.space.capabilities).toEqual(['documents']);
    expect(await capabilitiesOf(admin, created.body.space.id)).toEqual(['documents']);
  });

  it('a space may be created with other capabilities than its kind’s defaults, and the audit trail says which', async () => {
    const created = await admin.post('/api/v1/spaces', { name: 'Board papers', kind: 'board', capabilities: [] });
    expect(created.status, created.text).toBe(201);
    expect(created.body.space.capabilities).toEqual([]);
    const [event] = await server.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'space.created')
      .where('target_id', '=', created.body.space.id)
      .execute();
    expect(JSON.parse(event?.details ?? '{}').capabilities).toEqual([]);
  });

  it('an unknown capability is a 400 problem naming the field, at creation and when changed', async () => {
    const created = await admin.post('/api/v1/spaces', { name: 'Odd', kind: 'project', capabilities: ['teleport'] });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe('http.validation_failed');
    expect(created.body.errors).toEqual([expect.objectContaining({ path: 'body.capabilities' })]);
    const cast = await spaceWithCast(server);
    const changed = await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}`, {
      capabilities: ['documents', 'teleport'],
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([expect.objectContaining({ path: 'body.capabilities' })]);
    expect(await capabilitiesOf(cast.manager, cast.spaceId)).toEqual(['documents']);
  });

  it('viewers and contributors get 403 changing capabilities, people outside the space 404', async () => {
    const cast = await spaceWithCast(server);
    const off = { capabilities: [] };
    expect((await cast.viewer.patch(`/api/v1/spaces/${cast.spaceId}`, off)).status).toBe(403);
    expect((await cast.contributor.patch(`/api/v1/spaces/${cast.spaceId}`, off)).status).toBe(403);
    expect((await cast.outsider.patch(`/api/v1/spaces/${cast.spaceId}`, off)).status).toBe(404);
    expect(await capabilitiesOf(cast.viewer, cast.spaceId)).toEqual(['documents']);
    const space = (await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}`)).body.space;
    expect(space.abilities['space.manage_capabilities']).toBe(false);
    const managed = (await cast.manager.get(`/api/v1/spaces/${cast.spaceId}`)).body.space;
    expect(managed.abilities['space.manage_capabilities']).toBe(true);
  });
});

describe(`a space whose documents are turned off, on ${testDialect}`, () => {
  let cast: Cast;
  let library: { documentId: string; folderId: string; shareLinkId: string; requestId: string; slug: string };
  let linkToken: string;
  let davViewer: Awaited<ReturnType<typeof davPerson>>;

  beforeAll(async () => {
    const db = server.deps.db;
    cast = await spaceWithCast(server);
    const folder = await createFolder(db, { spaceId: cast.spaceId, name: 'Contracts' });
    const doc = await uploaded(cast.contributor, cast.spaceId, 'Lighthouse.txt', text('lighthouse keeper contract'));
    await db.transaction().execute((trx) => queueIndexing(trx, new Date(), { documentId: doc.id, versionId: null }));
    await server.runJobs();
    const link = await createShareLink(db, { spaceId: cast.spaceId, folderId: folder.id, createdBy: cast.ids.manager });
    linkToken = link.token;
    const request = await createDocumentRequest(db, { spaceId: cast.spaceId, createdBy: cast.ids.manager });
    const space = await db.selectFrom('spaces').select('slug').where('id', '=', cast.spaceId).executeTakeFirstOrThrow();
    library = { documentId: doc.id, folderId: folder.id, shareLinkId: link.id, requestId: request.id, ...space };
    davViewer = await davPerson(server, { spaceId: cast.spaceId, role: 'viewer' });
  });

  /** The status of every way into the space's library, for one person. */
  async function libraryAnswers(client: HttpClient) {
    const { documentId, folderId, shareLinkId, requestId } = library;
    return {
      files: (await client.get(`/api/v1/spaces/${cast.spaceId}/files`)).status,
      folder: (await client.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${folderId}`)).status,
      document: (await client.get(`/api/v1/documents/${documentId}`)).status,
      content: (await client.get(`/api/v1/documents/${documentId}/content`)).status,
      shareLinks: (await client.get(`/api/v1/spaces/${cast.spaceId}/share-links`)).status,
      shareLink: (await client.get(`/api/v1/share-links/${shareLinkId}/access-log`)).status,
      requests: (await client.get(`/api/v1/spaces/${cast.spaceId}/requests`)).status,
      request: (await client.get(`/api/v1/requests/${requestId}`)).status,
    };
  }
  const everything = (status: number) => ({
    files: status,
    folder: status,
    document: status,
    content: status,
    shareLinks: status,
    shareLink: status,
    requests: status,
    request: status,
  });

  async function davStatus(path: string) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'PROPFIND',
      headers: { authorization: basicAuth(davViewer.email, davViewer.token), depth: '1' },
    });
    return { status: response.status, text: await response.text() };
  }

  /** What someone holding the share link gets: the link's own page. */
  const visit = async () => (await server.client().get(`/api/v1/share/${linkToken}`)).status;

  async function found(client: HttpClient, q: string): Promise<string[]> {
    const response = await client.get(`/api/v1/search?${new URLSearchParams({ q })}`);
    expect(response.status, response.text).toBe(200);
    return (response.body.results as { id: string }[]).map((result) => result.id);
  }

  it('its documents, folders, share links and requests exist for nobody until a manager turns documents back on', async () => {
    expect(await libraryAnswers(cast.manager)).toEqual(everything(200));
    expect(await found(cast.viewer, 'lighthouse')).toContain(library.documentId);
    expect(await visit()).toBe(200);

    const off = await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}`, { capabilities: [] });
    expect(off.status, off.text).toBe(200);
    expect(off.body.space.capabilities).toEqual([]);
    for (const who of [cast.manager, cast.owner, cast.viewer, admin]) {
      expect(await libraryAnswers(who)).toEqual(everything(404));
    }
    expect(await found(cast.viewer, 'lighthouse')).toEqual([]);
    expect(await found(admin, 'lighthouse')).toEqual([]);
    // As when its creator could no longer share it: the holder already knew the link, it just no longer serves.
    expect(await visit()).toBe(410);
    expect((await davStatus(`/dav/${library.slug}/`)).status).toBe(404);
    const davRoot = await davStatus('/dav/');
    expect(davRoot.status).toBe(207);
    expect(davRoot.text).not.toContain(`/dav/${library.slug}/`);
    // The space itself stays: its members still see it and its managers can turn documents back on.
    expect((await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}`)).status).toBe(200);

    const on = await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}`, { capabilities: ['documents'] });
    expect(on.status, on.text).toBe(200);
    expect(on.body.space.capabilities).toEqual(['documents']);
    expect(await libraryAnswers(cast.manager)).toEqual(everything(200));
    expect(await libraryAnswers(admin)).toEqual(everything(200));
    const content = await cast.viewer.get(`/api/v1/documents/${library.documentId}/content`);
    expect(content.text).toBe('lighthouse keeper contract');
    expect(await found(cast.viewer, 'lighthouse')).toContain(library.documentId);
    expect(await visit()).toBe(200);
    expect((await davStatus(`/dav/${library.slug}/`)).text).toContain('Lighthouse.txt');
    expect((await davStatus('/dav/')).text).toContain(`/dav/${library.slug}/`);
  });

  it('each change of capabilities is audited with the list before and after', async () => {
    const events = await server.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'space.capabilities_changed')
      .where('target_id', '=', cast.spaceId)
      .orderBy('seq', 'asc')
      .execute();
    expect(events.map((event) => JSON.parse(event.details))).toEqual([
      { before: ['documents'], after: [] },
      { before: [], after: ['documents'] },
    ]);
  });
});
