import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, createFolder } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { ListingCache } from './webdav.listing-cache';
import { CACHED_FROM_MEMBERS } from './webdav.props';
import { basicAuth, davPerson, davSpace, liveDocumentId } from './webdav.test-support';

describe('ListingCache', () => {
  const chunk = (text: string) => Buffer.from(text);

  it('gives an answer back only under the stamp it was kept under', () => {
    const cache = new ListingCache(1024);
    cache.set('a', 3, [chunk('<three/>')]);
    expect(cache.get('a', 3)?.map(String)).toEqual(['<three/>']);
    expect(cache.get('a', 4)).toBeUndefined();
    expect(cache.get('b', 3)).toBeUndefined();
    cache.set('a', 4, [chunk('<four/>')]);
    expect(cache.get('a', 3)).toBeUndefined();
    expect(cache.get('a', 4)?.map(String)).toEqual(['<four/>']);
  });

  it('stays within its bytes, the least recently used answer out first', () => {
    const cache = new ListingCache(30);
    cache.set('a', 1, [chunk('0123456789')]);
    cache.set('b', 1, [chunk('0123456789')]);
    cache.get('a', 1);
    cache.set('c', 1, [chunk('01234'), chunk('56789')]);
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
    // Full (30 bytes): the next one pushes out b, used least recently.
    cache.set('d', 1, [chunk('0123456789')]);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    // Larger than the whole budget: not kept, and nothing else is pushed out for it.
    cache.set('e', 1, [chunk('x'.repeat(31))]);
    expect(cache.get('e', 1)).toBeUndefined();
    for (const key of ['a', 'c', 'd']) expect(cache.get(key, 1)).toBeDefined();
  });

  it('keeps nothing when its budget is zero', () => {
    const cache = new ListingCache(0);
    expect(cache.enabled).toBe(false);
    cache.set('a', 1, [chunk('x')]);
    expect(cache.get('a', 1)).toBeUndefined();
  });
});

describe('WebDAV listings kept between requests', () => {
  let server: TestServer;
  /** A second instance on the same database, as behind a load balancer. */
  let other: TestServer;
  let space: Awaited<ReturnType<typeof davSpace>>['space'];
  let contributor: Awaited<ReturnType<typeof davPerson>>;
  let manager: Awaited<ReturnType<typeof davPerson>>;
  let elsewhere: { id: string };
  const MEMBERS = CACHED_FROM_MEMBERS + 10;

  type Who = { email: string; token: string };

  async function dav(
    who: Who,
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string>; on?: TestServer } = {},
  ) {
    const headers = { ...init.headers, authorization: basicAuth(who.email, who.token) };
    const response = await fetch(`${(init.on ?? server).url}${path}`, { method, headers, body: init.body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function api(who: Who, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(300);
    return text ? JSON.parse(text) : null;
  }

  const root = () => `/dav/${space.slug}/`;

  /** A depth-1 allprop PROPFIND of the space's root, as Finder or Explorer would send it. */
  async function listing(on: TestServer = server) {
    const response = await dav(contributor, 'PROPFIND', root(), { headers: { depth: '1' }, on });
    expect(response.status).toBe(207);
    return response.text;
  }

  async function stamp() {
    const row = await server.deps.db
      .selectFrom('listing_stamps')
      .select('stamp')
      .where('folder_key', '=', space.id)
      .executeTakeFirst();
    return Number(row?.stamp ?? 0);
  }

  async function setStamp(value: number) {
    await server.deps.db
      .updateTable('listing_stamps')
      .set({ stamp: value })
      .where('folder_key', '=', space.id)
      .execute();
  }

  /** The listing rendered anew: the stamp moved by hand, so nothing kept can answer. */
  async function rendered() {
    await setStamp((await stamp()) + 1);
    return listing();
  }

  /** What is served now is what a fresh rendering gives, on both instances. */
  async function servedIsFresh() {
    const served = await listing();
    const servedByOther = await listing(other);
    expect(XMLValidator.validate(served)).toBe(true);
    expect(served).toBe(await rendered());
    expect(servedByOther).toBe(served);
    return served;
  }

  const documentId = (name: string) => liveDocumentId(server, space.id, name);

  const etagOf = (xml: string, name: string) =>
    xml.match(new RegExp(`${encodeURIComponent(name)}</D:href>.*?<D:getetag>([^<]*)</D:getetag>`))?.[1];

  beforeAll(async () => {
    server = await startTestServer();
    other = await startTestServer({ dataDir: server.dataDir, databaseUrl: server.databaseUrl ?? undefined });
    ({ space, person: contributor } = await davSpace(server));
    manager = await davPerson(server, { spaceId: space.id, role: 'manager' });
    elsewhere = await createFolder(server.deps.db, { spaceId: space.id, name: 'Elsewhere' });
    for (let i = 0; i < MEMBERS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          createDocument(server.deps, { spaceId: space.id, name: `member ${String(i + j).padStart(3, '0')}.txt` }),
        ),
      );
    }
  });

  afterAll(async () => {
    await other?.close();
    await server?.close();
  });

  it('serves a listing again from memory while its stamp holds, and renders it anew once the stamp moves', async () => {
    const first = await listing();
    expect(first.match(/<D:response>/g)).toHaveLength(MEMBERS + 2);
    const before = await stamp();
    // Any change to a member moves the stamp (a trigger, whatever wrote the row).
    await server.deps.db
      .updateTable('documents')
      .set({ name: 'renamed behind.txt', name_key: 'renamed behind.txt' })
      .where('id', '=', await documentId('member 000.txt'))
      .execute();
    expect(await stamp()).toBe(before + 1);
    // Put back by hand, the old stamp brings back the answer kept under it: proof that it came from memory.
    await setStamp(before);
    expect(await listing()).toBe(first);
    await setStamp(before + 1);
    const after = await listing();
    expect(after).toContain('renamed behind.txt');
    expect(after).not.toContain('member%20000.txt');
  });

  it('shows every change at once, on every instance: uploads, versions, renames, moves, trash, properties', async () => {
    expect((await dav(contributor, 'PUT', `${root()}new.txt`, { body: 'new' })).status).toBe(201);
    const withNew = await servedIsFresh();
    expect(withNew).toContain(`${root()}new.txt</D:href>`);

    expect((await dav(contributor, 'PUT', `${root()}new.txt`, { body: 'second version' })).status).toBe(204);
    const versioned = await servedIsFresh();
    expect(etagOf(versioned, 'new.txt')).toBeDefined();
    expect(etagOf(versioned, 'new.txt')).not.toBe(etagOf(withNew, 'new.txt'));
    expect(versioned).toContain('<D:getcontentlength>14</D:getcontentlength>');

    const id = await documentId('member 001.txt');
    await api(contributor, 'PATCH', `/api/v1/documents/${id}`, { name: 'renamed on the web.txt' });
    expect(await servedIsFresh()).toContain('renamed on the web.txt');

    await api(contributor, 'PATCH', `/api/v1/documents/${id}`, { folderId: elsewhere.id });
    expect(await servedIsFresh()).not.toContain('renamed on the web.txt');
    await api(contributor, 'PATCH', `/api/v1/documents/${id}`, { folderId: null });
    expect(await servedIsFresh()).toContain('renamed on the web.txt');

    await api(contributor, 'POST', `/api/v1/documents/${id}/trash`);
    expect(await servedIsFresh()).not.toContain('renamed on the web.txt');
    await api(contributor, 'POST', `/api/v1/documents/${id}/restore`);
    expect(await servedIsFresh()).toContain('renamed on the web.txt');

    const colour = (value: string) =>
      `<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><x:colour xmlns:x="urn:test">${value}</x:colour></D:prop></D:set></D:propertyupdate>`;
    expect((await dav(contributor, 'PROPPATCH', `${root()}member%20002.txt`, { body: colour('teal') })).status).toBe(
      207,
    );
    expect(await servedIsFresh()).toContain('<colour xmlns="urn:test">teal</colour>');
    expect((await dav(contributor, 'PROPPATCH', root(), { body: colour('amber') })).status).toBe(207);
    expect(await servedIsFresh()).toContain('<colour xmlns="urn:test">amber</colour>');

    const { folder } = await api(contributor, 'POST', `/api/v1/spaces/${space.id}/folders`, { name: 'Fresh folder' });
    expect(await servedIsFresh()).toContain(`${root()}Fresh%20folder/</D:href>`);
    await api(contributor, 'PATCH', `/api/v1/folders/${folder.id}`, { name: 'Renamed folder' });
    expect(await servedIsFresh()).toContain(`${root()}Renamed%20folder/</D:href>`);

    await api(manager, 'PATCH', `/api/v1/spaces/${space.id}`, { name: 'Renamed space' });
    expect(await servedIsFresh()).toContain('<D:displayname>Renamed space</D:displayname>');

    expect((await dav(contributor, 'DELETE', `${root()}member%20003.txt`)).status).toBe(204);
    expect(await servedIsFresh()).not.toContain('member%20003.txt');
  });

  it('shows check-outs and WebDAV locks, whose timeouts run without any change: such listings are not kept', async () => {
    const id = await documentId('member 004.txt');
    await api(contributor, 'POST', `/api/v1/documents/${id}/lock`, {});
    const checkedOut = await listing();
    expect(checkedOut).toContain('Checked out by');
    expect(await listing(other)).toBe(checkedOut);
    await api(contributor, 'DELETE', `/api/v1/documents/${id}/lock`);
    expect(await servedIsFresh()).not.toContain('Checked out by');

    const lock = await dav(contributor, 'LOCK', `${root()}member%20005.txt`, {
      headers: { timeout: 'Second-600' },
      body: '<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>',
    });
    expect(lock.status).toBe(200);
    const locked = await listing();
    expect(locked).toContain('<D:timeout>Second-');
    expect(await listing(other)).toContain(`<D:href>${lock.headers.get('lock-token')?.slice(1, -1)}</D:href>`);
    const unlock = await dav(contributor, 'UNLOCK', `${root()}member%20005.txt`, {
      headers: { 'lock-token': String(lock.headers.get('lock-token')) },
    });
    expect(unlock.status).toBe(204);
    expect(await servedIsFresh()).not.toContain('<D:timeout>');
  });

  it('checks access before serving a kept listing', async () => {
    await listing();
    const outsider = await davPerson(server);
    expect((await dav(outsider, 'PROPFIND', root(), { headers: { depth: '1' } })).status).toBe(404);
    const viewer = await davPerson(server, { spaceId: space.id, role: 'viewer' });
    await server.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', viewer.id).execute();
    expect((await dav(viewer, 'PROPFIND', root(), { headers: { depth: '1' } })).status).toBe(401);
  });
});
