import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createHostAdmin,
  createOrganization,
  createPerson,
  createSpace,
  hostOrganization,
} from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import { apiTokenClient, auditOf, signedIn } from '../people/people.test-helpers';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, await createHostAdmin(server.deps.db));
});
afterAll(async () => {
  await server?.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(performance.now() * 1000).toString(36)}`;

describe('listing organizations', () => {
  it('a host admin sees every organization with its head count, the host first, and may create more', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db, { name: `Counted ${unique()}` });
    await createPerson(db, { organizationId: org.id });
    await createPerson(db, { organizationId: org.id, status: 'disabled' });
    const list = await admin.get('/api/v1/organizations');
    expect(list.status).toBe(200);
    expect(list.body.organizations[0].isHost).toBe(true);
    const found = list.body.organizations.find((o: { id: string }) => o.id === org.id);
    expect(found).toMatchObject({ name: org.name, kind: 'customer', status: 'active', peopleCount: 2, isHost: false });
    expect(found.abilities['organization.disable']).toBe(true);
    expect(list.body.abilities['organization.create']).toBe(true);
  });

  it('filters by kind and by a case-insensitive part of the name, taking % literally', async () => {
    const db = server.deps.db;
    const tag = unique();
    const wanted = await createOrganization(db, { name: `Zeta 100% Steel ${tag}`, kind: 'supplier' });
    await createOrganization(db, { name: `Zeta 100 Steel ${tag}`, kind: 'customer' });
    const byName = await admin.get(`/api/v1/organizations?q=${encodeURIComponent(`100% steel ${tag}`.toUpperCase())}`);
    expect(byName.body.organizations.map((o: { id: string }) => o.id)).toEqual([wanted.id]);
    const byKind = await admin.get(`/api/v1/organizations?kind=supplier&q=${tag}`);
    expect(byKind.body.organizations.map((o: { id: string }) => o.id)).toEqual([wanted.id]);
  });

  it('a partner person sees only their own organization and those sharing a live space with them', async () => {
    const db = server.deps.db;
    const mine = await createOrganization(db);
    const shared = await createOrganization(db);
    const formerlyShared = await createOrganization(db);
    const stranger = await createOrganization(db);
    const me = await createPerson(db, { organizationId: mine.id });
    const space = await createSpace(db);
    await addMember(db, { spaceId: space.id, userId: me.id, role: 'viewer' });
    await addMember(db, { spaceId: space.id, organizationId: shared.id, role: 'viewer' });
    const past = new Date(Date.now() - 60_000).toISOString();
    await addMember(db, { spaceId: space.id, organizationId: formerlyShared.id, role: 'viewer', expiresAt: past });
    await createPerson(db, { organizationId: stranger.id });

    const client = await signedIn(server, me);
    const list = await client.get('/api/v1/organizations');
    expect(list.status).toBe(200);
    expect(list.body.organizations.map((o: { id: string }) => o.id).sort()).toEqual([mine.id, shared.id].sort());
    expect(list.body.abilities['organization.create']).toBe(false);
    expect((await client.get(`/api/v1/organizations/${stranger.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/organizations/${formerlyShared.id}`)).status).toBe(404);
    const own = await client.get(`/api/v1/organizations/${mine.id}`);
    expect(own.status).toBe(200);
    expect(own.body.organization.abilities['organization.update']).toBe(false);
  });
});

describe('creating and changing organizations', () => {
  it('a host admin creates a partner organization and the creation is audited', async () => {
    const name = `Acme ${unique()}`;
    const created = await admin.post('/api/v1/organizations', { name: `  ${name} `, kind: 'customer' });
    expect(created.status).toBe(201);
    expect(created.body.organization).toMatchObject({
      name,
      kind: 'customer',
      isHost: false,
      status: 'active',
      peopleCount: 0,
    });
    const [event] = await auditOf(server.deps.db, 'organization.created', created.body.organization.id);
    expect(event.target_label).toBe(name);
    expect(JSON.parse(event.details)).toEqual({ kind: 'customer' });
  });

  it('a name already used, in another case, is refused with 409 organizations.name_taken', async () => {
    const existing = await createOrganization(server.deps.db, { name: `Taken ${unique()}` });
    const again = await admin.post('/api/v1/organizations', { name: existing.name.toUpperCase(), kind: 'partner' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('organizations.name_taken');
    const other = await createOrganization(server.deps.db);
    const rename = await admin.patch(`/api/v1/organizations/${other.id}`, { name: existing.name.toLowerCase() });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('organizations.name_taken');
  });

  it('a partner organization admin cannot create an organization and gets 403', async () => {
    const orgAdmin = await createPerson(server.deps.db, { isOrgAdmin: true });
    const client = await signedIn(server, orgAdmin);
    const created = await client.post('/api/v1/organizations', { name: `Mine ${unique()}`, kind: 'customer' });
    expect(created.status).toBe(403);
  });

  it('a host admin renames and re-kinds an organization, audited; its own partner admin gets 403', async () => {
    const org = await createOrganization(server.deps.db);
    const orgAdmin = await createPerson(server.deps.db, { organizationId: org.id, isOrgAdmin: true });
    const name = `Renamed ${unique()}`;
    const updated = await admin.patch(`/api/v1/organizations/${org.id}`, { name, kind: 'board' });
    expect(updated.status).toBe(200);
    expect(updated.body.organization).toMatchObject({ name, kind: 'board' });
    const [event] = await auditOf(server.deps.db, 'organization.updated', org.id);
    expect(JSON.parse(event.details)).toMatchObject({
      name: { from: org.name, to: name },
      kind: { from: 'customer', to: 'board' },
    });
    const partner = await signedIn(server, orgAdmin);
    expect((await partner.patch(`/api/v1/organizations/${org.id}`, { name: 'Ours' })).status).toBe(403);
  });

  it('the host organization can be renamed but neither re-kinded nor disabled: 403 organizations.host_immutable', async () => {
    const host = await hostOrganization(server.deps.db);
    const rekind = await admin.patch(`/api/v1/organizations/${host.id}`, { kind: 'customer' });
    expect(rekind.status).toBe(403);
    expect(rekind.body.code).toBe('organizations.host_immutable');
    const disable = await admin.post(`/api/v1/organizations/${host.id}/disable`);
    expect(disable.status).toBe(403);
    expect(disable.body.code).toBe('organizations.host_immutable');
    const read = await admin.get(`/api/v1/organizations/${host.id}`);
    expect(read.body.organization).toMatchObject({ status: 'active', kind: 'host' });
    expect(read.body.organization.abilities['organization.disable']).toBe(false);
  });
});

describe('disabling and enabling organizations', () => {
  it("disabling an organization ends its people's sessions and API tokens on the very next request, audited", async () => {
    const db = server.deps.db;
    const org = await createOrganization(db);
    const alice = await createPerson(db, { organizationId: org.id });
    const bob = await createPerson(db, { organizationId: org.id });
    const aliceSession = await signedIn(server, alice);
    const bobToken = await apiTokenClient(server, await signedIn(server, bob));

    const disabled = await admin.post(`/api/v1/organizations/${org.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.organization.status).toBe('disabled');
    expect((await aliceSession.get('/api/v1/me')).status).toBe(401);
    expect((await bobToken.get('/api/v1/me')).status).toBe(401);
    const [event] = await auditOf(db, 'organization.disabled', org.id);
    expect(JSON.parse(event.details)).toEqual({ peopleCount: 2 });
    const live = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', 'in', [alice.id, bob.id])
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
  });

  it('enabling an organization lets its people sign in again, audited; their old sessions stay dead', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db);
    const carol = await createPerson(db, { organizationId: org.id });
    const before = await signedIn(server, carol);
    expect((await admin.post(`/api/v1/organizations/${org.id}/disable`)).status).toBe(200);
    const enabled = await admin.post(`/api/v1/organizations/${org.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.organization.status).toBe('active');
    expect((await before.get('/api/v1/me')).status).toBe(401);
    expect((await (await signedIn(server, carol)).get('/api/v1/me')).status).toBe(200);
    expect(await auditOf(db, 'organization.enabled', org.id)).toHaveLength(1);
  });

  it('a person of another partner organization gets 404 when trying to disable an organization they cannot see', async () => {
    const db = server.deps.db;
    const target = await createOrganization(db);
    const outsider = await signedIn(server, await createPerson(db, { isOrgAdmin: true }));
    expect((await outsider.post(`/api/v1/organizations/${target.id}/disable`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/organizations/${target.id}/enable`)).status).toBe(404);
    expect((await outsider.patch(`/api/v1/organizations/${target.id}`, { name: 'Mine now' })).status).toBe(404);
  });
});
