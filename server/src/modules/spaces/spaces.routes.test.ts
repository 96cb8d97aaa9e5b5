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
import { auditOf, signedIn } from '../people/people.test-helpers';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, await createHostAdmin(server.deps.db));
});
afterAll(async () => {
  await server?.close();
});

const past = () => new Date(Date.now() - 60_000).toISOString();
const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe('listing and reading spaces', () => {
  it('a partner person lists only the spaces they belong to, with their strongest role and the live member count', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db);
    const me = await createPerson(db, { organizationId: org.id });
    const direct = await createSpace(db);
    const viaOrganization = await createSpace(db);
    const expired = await createSpace(db);
    const foreign = await createSpace(db);
    await addMember(db, { spaceId: direct.id, userId: me.id, role: 'viewer' });
    await addMember(db, { spaceId: direct.id, organizationId: org.id, role: 'manager' });
    await addMember(db, { spaceId: direct.id, userId: (await createPerson(db)).id, role: 'viewer', expiresAt: past() });
    await addMember(db, { spaceId: viaOrganization.id, organizationId: org.id, role: 'contributor' });
    await addMember(db, { spaceId: expired.id, userId: me.id, role: 'owner', expiresAt: past() });
    await addMember(db, { spaceId: foreign.id, userId: (await createPerson(db)).id, role: 'owner' });

    const client = await signedIn(server, me);
    const list = await client.get('/api/v1/spaces');
    expect(list.status).toBe(200);
    expect(ids(list.body.spaces)).toEqual(ids([direct, viaOrganization]));
    const byId = Object.fromEntries(list.body.spaces.map((s: { id: string }) => [s.id, s]));
    expect(byId[direct.id]).toMatchObject({ myRole: 'manager', memberCount: 2 });
    expect(byId[direct.id].abilities['space.manage_members']).toBe(true);
    expect(byId[viaOrganization.id]).toMatchObject({ myRole: 'contributor', memberCount: 1 });
    expect(list.body.abilities['space.create']).toBe(false);
  });

  it('an expired membership grants nothing: the space answers 404 and its members stay hidden', async () => {
    const db = server.deps.db;
    const me = await createPerson(db);
    const space = await createSpace(db);
    await addMember(db, { spaceId: space.id, userId: me.id, role: 'owner', expiresAt: past() });
    const client = await signedIn(server, me);
    expect((await client.get(`/api/v1/spaces/${space.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/spaces/${space.id}/members`)).status).toBe(404);
    expect((await client.patch(`/api/v1/spaces/${space.id}`, { name: 'Mine' })).status).toBe(404);
  });

  it('a host admin sees every space, with no role of their own', async () => {
    const space = await createSpace(server.deps.db);
    const list = await admin.get('/api/v1/spaces');
    expect(list.body.spaces.map((s: { id: string }) => s.id)).toContain(space.id);
    const read = await admin.get(`/api/v1/spaces/${space.id}`);
    expect(read.status).toBe(200);
    expect(read.body.space).toMatchObject({ id: space.id, myRole: null, status: 'active' });
    expect(read.body.space.abilities['space.archive']).toBe(true);
  });
});

describe('creating spaces', () => {
  it('host staff create a space they own, with a slug from the name and a suffix when it is taken, audited', async () => {
    const staff = await createPerson(server.deps.db, { organizationId: (await hostOrganization(server.deps.db)).id });
    const client = await signedIn(server, staff);
    const name = `Équipe Démo ${Date.now()}`;
    const first = await client.post('/api/v1/spaces', { name, kind: 'project', description: 'First' });
    expect(first.status).toBe(201);
    expect(first.body.space).toMatchObject({
      name,
      kind: 'project',
      description: 'First',
      myRole: 'owner',
      memberCount: 1,
    });
    expect(first.body.space.slug).toBe(`equipe-demo-${name.split(' ')[2]}`);
    const second = await client.post('/api/v1/spaces', { name, kind: 'project' });
    expect(second.body.space.slug).toBe(`${first.body.space.slug}-2`);
    const [event] = await auditOf(server.deps.db, 'space.created', first.body.space.id);
    expect(JSON.parse(event.details)).toMatchObject({ kind: 'project', ownerId: staff.id });
  });

  it('a host admin names another host person as owner; a partner person as owner is refused with 400', async () => {
    const db = server.deps.db;
    const owner = await createPerson(db, { organizationId: (await hostOrganization(db)).id });
    const created = await admin.post('/api/v1/spaces', { name: 'Owned by staff', kind: 'client', ownerId: owner.id });
    expect(created.status).toBe(201);
    expect(created.body.space.myRole).toBeNull();
    const members = await admin.get(`/api/v1/spaces/${created.body.space.id}/members`);
    expect(members.body.members).toMatchObject([{ role: 'owner', person: { id: owner.id } }]);
    const partner = await createPerson(db);
    const refused = await admin.post('/api/v1/spaces', {
      name: 'Owned by partner',
      kind: 'client',
      ownerId: partner.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('spaces.invalid_member');
  });

  it('a partner person cannot create a space and gets 403', async () => {
    const client = await signedIn(server, await createPerson(server.deps.db, { isOrgAdmin: true }));
    expect((await client.post('/api/v1/spaces', { name: 'Ours', kind: 'project' })).status).toBe(403);
  });
});

describe('changing spaces', () => {
  it('a manager renames and describes the space, audited; a viewer gets 403 and an outsider 404', async () => {
    const db = server.deps.db;
    const space = await createSpace(db);
    const manager = await createPerson(db);
    const viewer = await createPerson(db);
    await addMember(db, { spaceId: space.id, userId: manager.id, role: 'manager' });
    await addMember(db, { spaceId: space.id, userId: viewer.id, role: 'viewer' });
    const updated = await (await signedIn(server, manager)).patch(`/api/v1/spaces/${space.id}`, {
      name: 'Renamed space',
      description: 'About the project',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.space).toMatchObject({
      name: 'Renamed space',
      description: 'About the project',
      slug: space.slug,
    });
    expect(await auditOf(db, 'space.updated', space.id)).toHaveLength(1);
    expect((await (await signedIn(server, viewer)).patch(`/api/v1/spaces/${space.id}`, { name: 'X' })).status).toBe(
      403,
    );
    const outsider = await signedIn(server, await createPerson(db));
    expect((await outsider.patch(`/api/v1/spaces/${space.id}`, { name: 'X' })).status).toBe(404);
  });

  it('an owner archives the space, audited; a manager gets 403; an archived space refuses changes', async () => {
    const db = server.deps.db;
    const space = await createSpace(db);
    const owner = await createPerson(db);
    const manager = await createPerson(db);
    await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
    await addMember(db, { spaceId: space.id, userId: manager.id, role: 'manager' });
    const managerClient = await signedIn(server, manager);
    expect((await managerClient.post(`/api/v1/spaces/${space.id}/archive`)).status).toBe(403);
    const archived = await (await signedIn(server, owner)).post(`/api/v1/spaces/${space.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.space.status).toBe('archived');
    expect(archived.body.space.abilities['space.update']).toBe(false);
    expect(await auditOf(db, 'space.archived', space.id)).toHaveLength(1);
    expect((await managerClient.get(`/api/v1/spaces/${space.id}`)).status).toBe(200);
    expect((await managerClient.patch(`/api/v1/spaces/${space.id}`, { name: 'Still?' })).status).toBe(403);
  });
});
