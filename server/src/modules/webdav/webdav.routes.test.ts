import { request } from 'node:http';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createSpace, DEFAULT_PASSWORD } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { basicAuth, davPerson, davSpace, liveDocumentId } from './webdav.test-support';

let server: TestServer;
let space: Awaited<ReturnType<typeof davSpace>>['space'];
let contributor: Awaited<ReturnType<typeof davPerson>>;
let viewer: Awaited<ReturnType<typeof davPerson>>;

type Who = { email: string; token: string };

async function dav(
  who: Who | null,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (who) headers.authorization = basicAuth(who.email, who.token);
  const response = await fetch(`${server.url}${path}`, { method, headers, body: init.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const base = () => `/dav/${space.slug}`;

beforeAll(async () => {
  server = await startTestServer();
  ({ space, person: contributor } = await davSpace(server));
  viewer = await davPerson(server, { spaceId: space.id, role: 'viewer' });
  const put = await dav(contributor, 'PUT', `${base()}/hello.txt`, { body: 'hello' });
  expect(put.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

const documentId = (name: string) => liveDocumentId(server, space.id, name);

describe('WebDAV authentication', () => {
  it('OPTIONS answers DAV classes 1 and 2 without credentials, and reveals nothing else', async () => {
    const response = await dav(null, 'OPTIONS', `${base()}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('dav')).toBe('1, 2');
    expect(response.headers.get('allow')).toContain('PROPFIND');
  });

  it('anonymous requests get 401 with a Basic challenge for the Gatehouse realm', async () => {
    const response = await dav(null, 'PROPFIND', '/dav/', { headers: { depth: '1' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="Gatehouse"/);
  });

  it('a person with two-factor authentication cannot use their account password as the WebDAV password', async () => {
    const person = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    await server.deps.db.updateTable('users').set({ totp_enabled: 1 }).where('id', '=', person.id).execute();
    const withPassword = await dav({ email: person.email, token: DEFAULT_PASSWORD }, 'PROPFIND', '/dav/', {
      headers: { depth: '0' },
    });
    expect(withPassword.status).toBe(401);
    const withToken = await dav(person, 'PROPFIND', '/dav/', { headers: { depth: '0' } });
    expect(withToken.status).toBe(207);
  });

  it('a token used with someone else’s e-mail address is refused', async () => {
    const response = await dav({ email: viewer.email, token: contributor.token }, 'PROPFIND', '/dav/', {
      headers: { depth: '0' },
    });
    expect(response.status).toBe(401);
  });

  it('a revoked token is refused at once', async () => {
    const person = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    expect((await dav(person, 'PROPFIND', '/dav/', { headers: { depth: '0' } })).status).toBe(207);
    await server.deps.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    expect((await dav(person, 'PROPFIND', '/dav/', { headers: { depth: '0' } })).status).toBe(401);
  });

  it('a disabled person is refused at once, and so is everyone of a disabled organization', async () => {
    const person = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    await server.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', person.id).execute();
    expect((await dav(person, 'GET', `${base()}/hello.txt`)).status).toBe(401);
    const org = await createOrganization(server.deps.db);
    const partner = await davPerson(server, { spaceId: space.id, role: 'contributor', organizationId: org.id });
    await server.deps.db.updateTable('organizations').set({ status: 'disabled' }).where('id', '=', org.id).execute();
    expect((await dav(partner, 'GET', `${base()}/hello.txt`)).status).toBe(401);
  });
});

describe('WebDAV authorization goes through the policy', () => {
  it('/dav/ lists only the spaces the person belongs to', async () => {
    const other = await createSpace(server.deps.db);
    const response = await dav(contributor, 'PROPFIND', '/dav/', { headers: { depth: '1' } });
    expect(response.status).toBe(207);
    expect(response.text).toContain(`/dav/${space.slug}/`);
    expect(response.text).not.toContain(other.slug);
  });

  it('a viewer reads a file (an audited consultation) but their PUT, MKCOL and DELETE are 403', async () => {
    const get = await dav(viewer, 'GET', `${base()}/hello.txt`);
    expect(get.status).toBe(200);
    expect(get.text).toBe('hello');
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_label', '=', viewer.email)
      .where('target_id', '=', await documentId('hello.txt'))
      .execute();
    expect(audit.map((e) => e.action)).toContain('document.downloaded');
    expect((await dav(viewer, 'PUT', `${base()}/hello.txt`, { body: 'changed' })).status).toBe(403);
    expect((await dav(viewer, 'PUT', `${base()}/new.txt`, { body: 'new' })).status).toBe(403);
    expect((await dav(viewer, 'MKCOL', `${base()}/folder`)).status).toBe(403);
    expect((await dav(viewer, 'DELETE', `${base()}/hello.txt`)).status).toBe(403);
  });

  it('a person outside the space gets 404 for the space and everything in it', async () => {
    const outsider = await davPerson(server);
    expect((await dav(outsider, 'PROPFIND', `${base()}/`, { headers: { depth: '1' } })).status).toBe(404);
    expect((await dav(outsider, 'GET', `${base()}/hello.txt`)).status).toBe(404);
    expect((await dav(outsider, 'PUT', `${base()}/x.txt`, { body: 'x' })).status).toBe(404);
    expect((await dav(outsider, 'DELETE', `${base()}/hello.txt`)).status).toBe(404);
  });

  it('GET supports byte ranges like the web download', async () => {
    const response = await dav(contributor, 'GET', `${base()}/hello.txt`, { headers: { range: 'bytes=1-3' } });
    expect(response.status).toBe(206);
    expect(response.text).toBe('ell');
  });
});

describe('WebDAV refuses malformed input with 4xx', () => {
  it('Depth: infinity PROPFIND is refused with propfind-finite-depth', async () => {
    const response = await dav(contributor, 'PROPFIND', `${base()}/`, { headers: { depth: 'infinity' } });
    expect(response.status).toBe(403);
    expect(response.text).toContain('propfind-finite-depth');
  });

  it('XML with a DTD or entities, non-XML bodies and malformed If headers are 400', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><D:propfind xmlns:D="DAV:"><D:prop>&a;</D:prop></D:propfind>';
    const headers = { depth: '0', 'content-type': 'application/xml' };
    expect((await dav(contributor, 'PROPFIND', `${base()}/`, { headers, body: bomb })).status).toBe(400);
    expect((await dav(contributor, 'PROPFIND', `${base()}/`, { headers, body: 'not xml at all' })).status).toBe(400);
    expect((await dav(contributor, 'PROPPATCH', `${base()}/hello.txt`, { headers, body: '<a><b></a>' })).status).toBe(
      400,
    );
    for (const header of ['(<unclosed', 'garbage', '()', '<http://x/> ', '(Not )']) {
      const response = await dav(contributor, 'PUT', `${base()}/hello.txt`, { headers: { if: header }, body: 'x' });
      expect(response.status, header).toBe(400);
    }
  });

  it('paths climbing out of the space or holding NUL are 400', async () => {
    // node:http sends the path as written (fetch would resolve the dot segments itself).
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(server.url);
        const headers = { authorization: basicAuth(contributor.email, contributor.token) };
        request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await raw(`${base()}/../../etc`)).toBe(400);
    expect(await raw(`${base()}/%2e%2e/%2e%2e/etc`)).toBe(400);
    expect(await raw(`${base()}/a%00b`)).toBe(400);
  });

  it('an XML body over 1 MiB is refused with 413', async () => {
    const body = `<D:propfind xmlns:D="DAV:"><D:prop>${'<x:a xmlns:x="urn:x"/>'.repeat(60_000)}</D:prop></D:propfind>`;
    const response = await dav(contributor, 'PROPFIND', `${base()}/`, { headers: { depth: '0' }, body });
    expect(response.status).toBe(413);
  });
});

describe('WebDAV locks and web check-outs are the same locks', () => {
  const lockBody =
    '<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>me</D:owner></D:lockinfo>';

  it('an exclusive WebDAV lock shows on the web as a check-out and refuses other people with 423', async () => {
    const other = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    await dav(contributor, 'PUT', `${base()}/locked.txt`, { body: 'v1' });
    const locked = await dav(contributor, 'LOCK', `${base()}/locked.txt`, {
      body: lockBody,
      headers: { timeout: 'Second-600' },
    });
    expect(locked.status).toBe(200);
    const token = locked.headers.get('lock-token') as string;
    const id = await documentId('locked.txt');
    const web = server.client();
    web.bearer = other.token;
    const doc = await web.get(`/api/v1/documents/${id}`);
    expect(doc.body.document.lock.by.id).toBe(contributor.id);
    expect((await web.post(`/api/v1/documents/${id}/lock`, {})).status).toBe(423);
    expect((await dav(other, 'PUT', `${base()}/locked.txt`, { body: 'v2' })).status).toBe(423);
    expect(
      (await dav(contributor, 'PUT', `${base()}/locked.txt`, { body: 'v2', headers: { if: `(${token})` } })).status,
    ).toBe(204);
    expect(
      (await dav(contributor, 'UNLOCK', `${base()}/locked.txt`, { headers: { 'lock-token': token } })).status,
    ).toBe(204);
    expect((await web.get(`/api/v1/documents/${id}`)).body.document.lock).toBeNull();
  });

  it("another person cannot refresh, release or use someone's lock, even with its token; the holder still can", async () => {
    const other = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    await dav(contributor, 'PUT', `${base()}/held.txt`, { body: 'v1' });
    const locked = await dav(contributor, 'LOCK', `${base()}/held.txt`, { body: lockBody });
    const token = locked.headers.get('lock-token') as string;
    const unlock = await dav(other, 'UNLOCK', `${base()}/held.txt`, { headers: { 'lock-token': token } });
    expect(unlock.status).toBe(403);
    const refresh = await dav(other, 'LOCK', `${base()}/held.txt`, { headers: { if: `(${token})` } });
    expect(refresh.status).toBe(403);
    const put = await dav(other, 'PUT', `${base()}/held.txt`, { body: 'v2', headers: { if: `(${token})` } });
    expect(put.status).toBe(423);
    const id = await documentId('held.txt');
    const web = server.client();
    web.bearer = other.token;
    expect((await web.get(`/api/v1/documents/${id}`)).body.document.lock.by.id).toBe(contributor.id);
    expect((await dav(contributor, 'UNLOCK', `${base()}/held.txt`, { headers: { 'lock-token': token } })).status).toBe(
      204,
    );
    expect((await web.get(`/api/v1/documents/${id}`)).body.document.lock).toBeNull();
    expect(
      await server.deps.db.selectFrom('webdav_locks').select('token').where('token', '=', token.slice(1, -1)).execute(),
    ).toEqual([]);
  });

  it('a check-out taken on the web refuses WebDAV changes by others with 423 and is listed in lockdiscovery', async () => {
    const other = await davPerson(server, { spaceId: space.id, role: 'contributor' });
    await dav(contributor, 'PUT', `${base()}/web.txt`, { body: 'v1' });
    const id = await documentId('web.txt');
    const web = server.client();
    web.bearer = contributor.token;
    expect((await web.post(`/api/v1/documents/${id}/lock`, {})).status).toBe(200);
    expect((await dav(other, 'PUT', `${base()}/web.txt`, { body: 'v2' })).status).toBe(423);
    expect((await dav(other, 'LOCK', `${base()}/web.txt`, { body: lockBody })).status).toBe(423);
    const props = await dav(other, 'PROPFIND', `${base()}/web.txt`, {
      headers: { depth: '0' },
      body: '<D:propfind xmlns:D="DAV:"><D:prop><D:lockdiscovery/></D:prop></D:propfind>',
    });
    expect(props.text).toContain('Checked out by');
    // The same check-out shows on the file's entry when its folder is listed (depth 1), and only there.
    const listing = await dav(other, 'PROPFIND', `${base()}/`, {
      headers: { depth: '1' },
      body: '<D:propfind xmlns:D="DAV:"><D:prop><D:lockdiscovery/></D:prop></D:propfind>',
    });
    const entries = listing.text.split('<D:response>').slice(1);
    const checkedOut = entries.filter((entry) => entry.includes('Checked out by'));
    expect(checkedOut).toHaveLength(1);
    expect(checkedOut[0]).toContain(`<D:href>${base()}/web.txt</D:href>`);
  });

  it('a depth-1 listing shows each lock on the entries it covers: a folder lock of infinite depth on every member', async () => {
    const tree = `${base()}/Tree`;
    expect((await dav(contributor, 'MKCOL', `${tree}/`)).status).toBe(201);
    expect((await dav(contributor, 'MKCOL', `${tree}/Sub/`)).status).toBe(201);
    for (const path of ['a.txt', 'b.txt', 'Sub/deep.txt']) {
      expect((await dav(contributor, 'PUT', `${tree}/${path}`, { body: path })).status).toBe(201);
    }
    const lockOn = async (path: string, depth: string) => {
      const response = await dav(contributor, 'LOCK', `${tree}/${path}`, { body: lockBody, headers: { depth } });
      expect(response.status).toBe(200);
      return (response.headers.get('lock-token') as string).slice(1, -1);
    };
    const listed = async (path: string) => {
      const listing = await dav(contributor, 'PROPFIND', `${tree}/${path}`, {
        headers: { depth: '1' },
        body: '<D:propfind xmlns:D="DAV:"><D:prop><D:lockdiscovery/></D:prop></D:propfind>',
      });
      expect(listing.status).toBe(207);
      const tokensOf = new Map<string, string[]>();
      for (const entry of listing.text.split('<D:response>').slice(1)) {
        const href = entry.match(/<D:href>([^<]*)<\/D:href>/)?.[1] ?? '';
        tokensOf.set(
          href.slice(tree.length + 1),
          [...entry.matchAll(/<D:locktoken><D:href>([^<]*)</g)].map((m) => m[1]),
        );
      }
      return tokensOf;
    };
    // A lock deep below a member is not the member's; a member's own lock is only its own.
    const deep = await lockOn('Sub/deep.txt', '0');
    const onA = await lockOn('a.txt', '0');
    expect(await listed('')).toEqual(
      new Map([
        ['', []],
        ['Sub/', []],
        ['a.txt', [onA]],
        ['b.txt', []],
      ]),
    );
    expect((await listed('Sub/')).get('Sub/deep.txt')).toEqual([deep]);
    for (const [path, token] of [
      ['a.txt', onA],
      ['Sub/deep.txt', deep],
    ]) {
      const unlock = await dav(contributor, 'UNLOCK', `${tree}/${path}`, { headers: { 'lock-token': `<${token}>` } });
      expect(unlock.status).toBe(204);
    }
    // A lock of infinite depth on the folder covers the folder and every member, and what lies below them.
    const whole = await lockOn('', 'infinity');
    expect(await listed('')).toEqual(
      new Map([
        ['', [whole]],
        ['Sub/', [whole]],
        ['a.txt', [whole]],
        ['b.txt', [whole]],
      ]),
    );
    expect((await listed('Sub/')).get('Sub/deep.txt')).toEqual([whole]);
  });
});

describe('WebDAV listings of large folders', () => {
  it('a depth-1 PROPFIND streams every member of a large folder, with the ETags and properties GET and PROPPATCH see', async () => {
    expect((await dav(contributor, 'MKCOL', `${base()}/Many/`)).status).toBe(201);
    const names = Array.from({ length: 150 }, (_, i) => `file ${String(i).padStart(3, '0')} & <co>.txt`);
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(
        names.slice(i, i + 10).map(async (name) => {
          const put = await dav(contributor, 'PUT', `${base()}/Many/${encodeURIComponent(name)}`, { body: name });
          expect(put.status).toBe(201);
        }),
      );
    }
    const patched = await dav(contributor, 'PROPPATCH', `${base()}/Many/${encodeURIComponent(names[7])}`, {
      body: '<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><x:colour xmlns:x="urn:test">teal</x:colour></D:prop></D:set></D:propertyupdate>',
    });
    expect(patched.status).toBe(207);
    const listing = await dav(viewer, 'PROPFIND', `${base()}/Many/`, { headers: { depth: '1' } });
    expect(listing.status).toBe(207);
    // Streamed: sent in chunks, not as one string with a length.
    expect(listing.headers.get('content-length')).toBeNull();
    expect(XMLValidator.validate(listing.text)).toBe(true);
    const hrefs = [...listing.text.matchAll(/<D:href>([^<]*)<\/D:href>/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(151);
    expect(hrefs.slice(1)).toEqual(names.map((name) => `/dav/${space.slug}/Many/${encodeURIComponent(name)}`));
    const get = await dav(viewer, 'GET', hrefs[8]);
    expect(get.text).toBe(names[7]);
    const etags = [...listing.text.matchAll(/<D:getetag>([^<]*)<\/D:getetag>/g)].map((m) => m[1]);
    expect(etags[7]).toBe(get.headers.get('etag'));
    expect(listing.text).toContain('<colour xmlns="urn:test">teal</colour>');
    expect(listing.text.match(/urn:test/g)).toHaveLength(1);
  });
});
