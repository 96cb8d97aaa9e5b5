import { randomUUID } from 'node:crypto';
import { type RouteContract, type RouteName, routes } from '@gatehouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId } from '../src/core/ids';
import { plantSharingRows } from '../src/modules/shares/shares.test-support';
import {
  addMember,
  createDocument,
  createFolder,
  createOrganization,
  createPerson,
  createSpace,
  DEFAULT_PASSWORD,
} from './factories';
import { startTestServer, type TestServer } from './harness';
import type { HttpClient } from './http-client';
import { fillPath, sampleBody } from './samples';

/**
 * Routes that are not API contracts: health probes, the OpenAPI document and its viewer, the web app shell, and
 * WebDAV (its own authentication and authorization tests live in modules/webdav).
 */
const infrastructure = (url: string) =>
  url === '/dav' ||
  url.startsWith('/dav/') ||
  url === '/healthz' ||
  url === '/readyz' ||
  url === '/api/openapi.json' ||
  url.startsWith('/api/docs') ||
  url.startsWith('/assets/') ||
  url === '/*';

let server: TestServer;
let outsider: HttpClient;
const victim = {
  organizationId: '',
  personId: '',
  spaceId: '',
  memberId: '',
  sessionId: '',
  tokenId: '',
  folderId: '',
  documentId: '',
  versionId: '',
  shareLinkId: '',
  requestId: '',
  requestItemId: '',
  notificationId: '',
};

beforeAll(async () => {
  server = await startTestServer();
  const db = server.deps.db;
  const victimOrg = await createOrganization(db, { kind: 'customer' });
  const person = await createPerson(db, { organizationId: victimOrg.id });
  const space = await createSpace(db, { kind: 'client' });
  const member = await addMember(db, { spaceId: space.id, userId: person.id, role: 'owner' });
  const victimClient = server.client();
  await victimClient.signIn(person.email, DEFAULT_PASSWORD);
  const session = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', person.id)
    .executeTakeFirstOrThrow();
  const tokenId = newId();
  await db
    .insertInto('api_tokens')
    .values({
      id: tokenId,
      user_id: person.id,
      name: 't',
      prefix: 'gh_x',
      token_hash: hashToken(`gh_${tokenId}`),
      created_at: new Date().toISOString(),
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  const folder = await createFolder(db, { spaceId: space.id });
  const document = await createDocument(server.deps, { spaceId: space.id, folderId: folder.id });
  const sharing = await plantSharingRows(db, {
    spaceId: space.id,
    folderId: folder.id,
    documentId: document.id,
    personId: person.id,
  });
  Object.assign(victim, {
    ...sharing,
    folderId: folder.id,
    documentId: document.id,
    versionId: document.versionId,
    organizationId: victimOrg.id,
    personId: person.id,
    spaceId: space.id,
    memberId: member.id,
    sessionId: session.id,
    tokenId,
  });

  const otherOrg = await createOrganization(db, { kind: 'supplier' });
  const other = await createPerson(db, { organizationId: otherOrg.id });
  outsider = server.client();
  await outsider.signIn(other.email, DEFAULT_PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

const contractEntries = Object.entries(routes) as [RouteName, RouteContract][];

describe('route inventory', () => {
  it('every registered API route is declared in the contracts, and every contract is registered', () => {
    // Fastify adds a HEAD twin to every GET route; only a HEAD route of its own (tus) is a contract.
    const gets = new Set(server.app.registeredRoutes.filter((r) => r.method === 'GET').map((r) => r.url));
    const registered = server.app.registeredRoutes
      .filter((r) => !(r.method === 'HEAD' && gets.has(r.url)) && !infrastructure(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const declared = contractEntries.map(([, c]) => `${c.method} ${c.path}`).sort();
    expect(registered).toEqual(declared);
  });

  it('the only public API routes are the ones the contracts mark public', () => {
    const publicApi = server.app.registeredRoutes
      .filter((r) => r.public && r.method !== 'HEAD' && r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const declared = contractEntries
      .filter(([, c]) => c.public)
      .map(([, c]) => `${c.method} ${c.path}`)
      .sort();
    expect(publicApi).toEqual(declared);
  });

  for (const [name, contract] of contractEntries) {
    it(`${contract.method} ${contract.path}: anonymous ${contract.public ? 'reaches the handler (public)' : 'gets 401'}`, async () => {
      const anonymous = server.client();
      const path = fillPath(contract.path, {
        id: randomUUID(),
        memberId: randomUUID(),
        versionId: randomUUID(),
        token: 'x'.repeat(43),
      });
      const body = sampleBody(name, { organizationId: randomUUID(), personId: randomUUID() });
      const response = await anonymous.request(contract.method, path, body === undefined ? {} : { body });
      if (contract.public) {
        // A public route may answer 401 itself (a wrong password) with its own code or a reason; the auth hook's
        // bare "sign in required" refusal has neither.
        if (response.status === 401) {
          expect(response.body.code !== 'http.unauthorized' || Boolean(response.body.detail)).toBe(true);
        }
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });
  }

  for (const [name, contract] of contractEntries.filter(([, c]) => !c.public && c.path.includes(':id'))) {
    it(`${contract.method} ${contract.path}: a person of another partner organization gets 404 on someone else's resource`, async () => {
      const id = contract.path.startsWith('/api/v1/spaces')
        ? victim.spaceId
        : contract.path.startsWith('/api/v1/organizations')
          ? victim.organizationId
          : contract.path.startsWith('/api/v1/people')
            ? victim.personId
            : contract.path.startsWith('/api/v1/me/sessions')
              ? victim.sessionId
              : contract.path.startsWith('/api/v1/folders')
                ? victim.folderId
                : contract.path.startsWith('/api/v1/documents')
                  ? victim.documentId
                  : contract.path.startsWith('/api/v1/share-links')
                    ? victim.shareLinkId
                    : contract.path.startsWith('/api/v1/requests/')
                      ? victim.requestId
                      : contract.path.startsWith('/api/v1/request-items')
                        ? victim.requestItemId
                        : contract.path.startsWith('/api/v1/notifications')
                          ? victim.notificationId
                          : victim.tokenId;
      const path = fillPath(contract.path, { id, memberId: victim.memberId, versionId: victim.versionId });
      const body = sampleBody(name, { organizationId: victim.organizationId, personId: victim.personId });
      const response = await outsider.request(contract.method, path, body === undefined ? {} : { body });
      expect(response.status).toBe(404);
    });
  }

  it("lists never show another partner organization's spaces, people or organization", async () => {
    const spaces = await outsider.get('/api/v1/spaces');
    const people = await outsider.get('/api/v1/people');
    const organizations = await outsider.get('/api/v1/organizations');
    expect(spaces.status).toBe(200);
    expect(spaces.body.spaces.map((s: { id: string }) => s.id)).not.toContain(victim.spaceId);
    expect(people.body.people.map((p: { id: string }) => p.id)).not.toContain(victim.personId);
    expect(organizations.body.organizations.map((o: { id: string }) => o.id)).not.toContain(victim.organizationId);
  });
});
