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

/** A space with an owner and a manager of the host, and a viewer from a partner organization. */
async function staffedSpace() {
  const db = server.deps.db;
  const host = await hostOrganization(db);
  const partner = await createOrganization(db);
  const space = await createSpace(db);
  const owner = await createPerson(db, { organizationId: host.id });
  const manager = await createPerson(db, { organizationId: host.id });
  const viewer = await createPerson(db, { organizationId: partner.id });
  const ownerMember = await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
  await addMember(db, { spaceId: space.id, userId: manager.id, role: 'manager' });
  const viewerMember = await addMember(db, { spaceId: space.id, userId: viewer.id, role: 'viewer' });
  return { space, partner, owner, manager, viewer, ownerMember, viewerMember };
}

describe('reading members', () => {
  it('a viewer lists the members with their organizations, organization members included', async () => {
    const { space, partner, owner, viewer } = await staffedSpace();
    const board = await createOrganization(server.deps.db, { kind: 'board' });
    await addMember(server.deps.db, { spaceId: space.id, organizationId: board.id, role: 'viewer' });
    const list = await (await signedIn(server, viewer)).get(`/api/v1/spaces/${space.id}/members`);
    expect(list.status).toBe(200);
    expect(list.body.members).toHaveLength(4);
    expect(list.body.members[0]).toMatchObject({ role: 'owner', person: { id: owner.id, email: owner.email } });
    const viewerRow = list.body.members.find((m: { person: { id: string } | null }) => m.person?.id === viewer.id);
    expect(viewerRow.organization).toEqual({ id: partner.id, name: partner.name, kind: 'customer' });
    const boardRow = list.body.members.find((m: { person: unknown }) => m.person === null);
    expect(boardRow.organization).toEqual({ id: board.id, name: board.name, kind: 'board' });
  });
});

describe('adding members', () => {
  it('a manager adds a host colleague and a whole organization they can see, audited; a duplicate is 409', async () => {
    const db = server.deps.db;
    const { space, manager, partner } = await staffedSpace();
    const colleague = await createPerson(db, { organizationId: (await hostOrganization(db)).id });
    const client = await signedIn(server, manager);
    const added = await client.post(`/api/v1/spaces/${space.id}/members`, {
      personId: colleague.id,
      role: 'contributor',
    });
    expect(added.status).toBe(201);
    expect(added.body.member).toMatchObject({ role: 'contributor', person: { id: colleague.id }, expiresAt: null });
    const org = await client.post(`/api/v1/spaces/${space.id}/members`, { organizationId: partner.id, role: 'viewer' });
    expect(org.status).toBe(201);
    expect(org.body.member).toMatchObject({ person: null, organization: { id: partner.id } });
    const [event] = await auditOf(db, 'space.member_added', space.id);
    expect(JSON.parse(event.details)).toMatchObject({ userId: colleague.id, role: 'contributor' });
    const again = await client.post(`/api/v1/spaces/${space.id}/members`, { personId: colleague.id, role: 'viewer' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('spaces.member_exists');
  });

  it('a person or organization the manager cannot see answers 404, as if it did not exist', async () => {
    const db = server.deps.db;
    const { space, manager } = await staffedSpace();
    const stranger = await createPerson(db);
    const strangerOrg = await createOrganization(db);
    const client = await signedIn(server, manager);
    const person = await client.post(`/api/v1/spaces/${space.id}/members`, { personId: stranger.id, role: 'viewer' });
    expect(person.status).toBe(404);
    const org = await client.post(`/api/v1/spaces/${space.id}/members`, {
      organizationId: strangerOrg.id,
      role: 'viewer',
    });
    expect(org.status).toBe(404);
    const missing = await client.post(`/api/v1/spaces/${space.id}/members`, {
      personId: '01900000-0000-7000-8000-000000000000',
      role: 'viewer',
    });
    expect(missing.status).toBe(404);
  });

  it('a manager may add a colleague of someone already in the space even before seeing them', async () => {
    const { space, manager, viewer } = await staffedSpace();
    const colleague = await createPerson(server.deps.db, { organizationId: viewer.organization_id });
    const client = await signedIn(server, manager);
    expect((await client.get(`/api/v1/people/${colleague.id}`)).status).toBe(404);
    const added = await client.post(`/api/v1/spaces/${space.id}/members`, { personId: colleague.id, role: 'viewer' });
    expect(added.status).toBe(201);
    expect((await client.get(`/api/v1/people/${colleague.id}`)).status).toBe(200);
  });

  it('giving both or neither of personId and organizationId is a 400', async () => {
    const { space, viewer, partner } = await staffedSpace();
    const both = await admin.post(`/api/v1/spaces/${space.id}/members`, {
      personId: viewer.id,
      organizationId: partner.id,
      role: 'viewer',
    });
    expect(both.status).toBe(400);
    expect((await admin.post(`/api/v1/spaces/${space.id}/members`, { role: 'viewer' })).status).toBe(400);
  });

  it('a viewer gets 403 and a person of another partner organization 404 when managing members', async () => {
    const db = server.deps.db;
    const { space, viewer, viewerMember } = await staffedSpace();
    const newcomer = await createPerson(db, { organizationId: viewer.organization_id });
    const viewerClient = await signedIn(server, viewer);
    const body = { personId: newcomer.id, role: 'viewer' };
    expect((await viewerClient.post(`/api/v1/spaces/${space.id}/members`, body)).status).toBe(403);
    expect((await viewerClient.delete(`/api/v1/spaces/${space.id}/members/${viewerMember.id}`)).status).toBe(403);
    const outsider = await signedIn(server, await createPerson(db));
    expect((await outsider.post(`/api/v1/spaces/${space.id}/members`, body)).status).toBe(404);
    expect(
      (await outsider.patch(`/api/v1/spaces/${space.id}/members/${viewerMember.id}`, { role: 'owner' })).status,
    ).toBe(404);
  });

  it('only owners make owners: a manager who grants the owner role gets 403', async () => {
    const db = server.deps.db;
    const { space, manager, owner, viewerMember } = await staffedSpace();
    const colleague = await createPerson(db, { organizationId: (await hostOrganization(db)).id });
    const managerClient = await signedIn(server, manager);
    const add = await managerClient.post(`/api/v1/spaces/${space.id}/members`, {
      personId: colleague.id,
      role: 'owner',
    });
    expect(add.status).toBe(403);
    const promote = await managerClient.patch(`/api/v1/spaces/${space.id}/members/${viewerMember.id}`, {
      role: 'owner',
    });
    expect(promote.status).toBe(403);
    const byOwner = await (await signedIn(server, owner)).post(`/api/v1/spaces/${space.id}/members`, {
      personId: colleague.id,
      role: 'owner',
    });
    expect(byOwner.status).toBe(201);
  });
});

describe('changing and removing members', () => {
  it('a manager changes a role and an expiry, audited as a role change', async () => {
    const { space, manager, viewerMember } = await staffedSpace();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const updated = await (await signedIn(server, manager)).patch(
      `/api/v1/spaces/${space.id}/members/${viewerMember.id}`,
      {
        role: 'contributor',
        expiresAt,
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.member).toMatchObject({ role: 'contributor', expiresAt });
    const [event] = await auditOf(server.deps.db, 'space.member_role_changed', space.id);
    expect(JSON.parse(event.details)).toMatchObject({
      memberId: viewerMember.id,
      from: 'viewer',
      to: 'contributor',
      expiresAt,
    });
  });

  it('the last owner can be neither demoted nor removed: 409 spaces.last_owner', async () => {
    const { space, owner, ownerMember } = await staffedSpace();
    const client = await signedIn(server, owner);
    const demote = await client.patch(`/api/v1/spaces/${space.id}/members/${ownerMember.id}`, { role: 'manager' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('spaces.last_owner');
    const remove = await client.delete(`/api/v1/spaces/${space.id}/members/${ownerMember.id}`);
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('spaces.last_owner');
    const byAdmin = await admin.delete(`/api/v1/spaces/${space.id}/members/${ownerMember.id}`);
    expect(byAdmin.body.code).toBe('spaces.last_owner');
  });

  it('removing a member takes their access away on their next request, audited', async () => {
    const { space, manager, viewer, viewerMember } = await staffedSpace();
    const viewerClient = await signedIn(server, viewer);
    expect((await viewerClient.get(`/api/v1/spaces/${space.id}`)).status).toBe(200);
    const removed = await (await signedIn(server, manager)).delete(
      `/api/v1/spaces/${space.id}/members/${viewerMember.id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ ok: true });
    expect((await viewerClient.get(`/api/v1/spaces/${space.id}`)).status).toBe(404);
    const [event] = await auditOf(server.deps.db, 'space.member_removed', space.id);
    expect(JSON.parse(event.details)).toMatchObject({
      memberId: viewerMember.id,
      member: viewer.email,
      role: 'viewer',
    });
  });

  it('a member id of another space answers 404', async () => {
    const first = await staffedSpace();
    const second = await staffedSpace();
    const client = await signedIn(server, first.owner);
    const response = await client.patch(`/api/v1/spaces/${first.space.id}/members/${second.viewerMember.id}`, {
      role: 'manager',
    });
    expect(response.status).toBe(404);
  });
});
