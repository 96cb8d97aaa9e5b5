import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createHostAdmin,
  createOrganization,
  createPerson,
  createSpace,
  DEFAULT_PASSWORD,
  hostOrganization,
} from './factories';
import { startTestServer, type TestServer } from './harness';
import type { HttpClient } from './http-client';

/**
 * Every actor of the foundation × every action, with the expected answer written here by hand — from the access
 * model in DESIGN.md, not from the code under test. Success codes are 200/201; 404 means "you cannot even see it".
 */
const actorNames = [
  'anonymous',
  'disabled',
  'expired',
  'otherPartner',
  'sameOrgNoMembership',
  'viewer',
  'contributor',
  'manager',
  'owner',
  'hostAdmin',
] as const;
type ActorName = (typeof actorNames)[number];

type Row = Record<ActorName, number>;
const row = (values: Omit<Row, 'anonymous' | 'disabled' | 'expired'>): Row => ({
  anonymous: 401,
  disabled: 401,
  expired: 401,
  ...values,
});

const expected: Record<string, Row> = {
  'space.read': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'space.read_members': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'space.update': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'space.manage_members': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 201,
    owner: 201,
    hostAdmin: 201,
  }),
  'space.invite': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 201,
    owner: 201,
    hostAdmin: 201,
  }),
  'space.archive': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 200,
    hostAdmin: 200,
  }),
  'space.create': row({
    otherPartner: 403,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 201,
    owner: 201,
    hostAdmin: 201,
  }),
  'organization.read': row({
    otherPartner: 404,
    sameOrgNoMembership: 200,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'organization.update': row({
    otherPartner: 404,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 200,
  }),
  'organization.disable': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 200,
  }),
  'organization.create': row({
    otherPartner: 403,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 201,
  }),
  'person.read': row({
    otherPartner: 404,
    sameOrgNoMembership: 200,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'person.update': row({
    otherPartner: 404,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 200,
  }),
  'person.disable': row({
    otherPartner: 404,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 200,
  }),
  'person.invite': row({
    otherPartner: 404,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 201,
  }),
  'audit.read': row({
    otherPartner: 403,
    sameOrgNoMembership: 403,
    viewer: 403,
    contributor: 403,
    manager: 403,
    owner: 403,
    hostAdmin: 200,
  }),
};

let server: TestServer;
let partnerOrgId: string;
const people = {} as Record<Exclude<ActorName, 'anonymous'>, { id: string; email: string }>;
const clients = {} as Record<ActorName, HttpClient>;
let unique = 0;
const nextName = () => {
  unique += 1;
  return `matrix-${Date.now()}-${unique}`;
};

/** A fresh space per attempt, with the same cast of members, so a successful change never affects the next cell. */
async function spaceWithCast() {
  const space = await createSpace(server.deps.db, { kind: 'supplier' });
  const roles = {
    viewer: 'viewer',
    contributor: 'contributor',
    manager: 'manager',
    owner: 'owner',
    disabled: 'viewer',
    expired: 'viewer',
  } as const;
  for (const [actor, role] of Object.entries(roles)) {
    await addMember(server.deps.db, { spaceId: space.id, userId: people[actor as keyof typeof roles].id, role });
  }
  return space;
}

type Attempt = (client: HttpClient) => Promise<number>;

const attempts: Record<string, Attempt> = {
  'space.read': async (c) => (await c.get(`/api/v1/spaces/${(await spaceWithCast()).id}`)).status,
  'space.read_members': async (c) => (await c.get(`/api/v1/spaces/${(await spaceWithCast()).id}/members`)).status,
  'space.update': async (c) =>
    (await c.patch(`/api/v1/spaces/${(await spaceWithCast()).id}`, { description: 'changed' })).status,
  'space.manage_members': async (c) => {
    const space = await spaceWithCast();
    const newcomer = await createPerson(server.deps.db, { organizationId: partnerOrgId });
    return (await c.post(`/api/v1/spaces/${space.id}/members`, { personId: newcomer.id, role: 'viewer' })).status;
  },
  'space.invite': async (c) => {
    const space = await spaceWithCast();
    const body = {
      email: `${nextName()}@partner.test`,
      name: 'New Comer',
      organizationId: partnerOrgId,
      role: 'viewer',
    };
    return (await c.post(`/api/v1/spaces/${space.id}/invitations`, body)).status;
  },
  'space.archive': async (c) => (await c.post(`/api/v1/spaces/${(await spaceWithCast()).id}/archive`)).status,
  'space.create': async (c) => (await c.post('/api/v1/spaces', { name: nextName(), kind: 'project' })).status,
  'organization.read': async (c) => (await c.get(`/api/v1/organizations/${partnerOrgId}`)).status,
  'organization.update': async (c) =>
    (await c.patch(`/api/v1/organizations/${partnerOrgId}`, { kind: 'supplier' })).status,
  'organization.disable': async (c) => {
    const space = await spaceWithCast();
    const org = await createOrganization(server.deps.db, { kind: 'contractor' });
    await addMember(server.deps.db, { spaceId: space.id, organizationId: org.id, role: 'viewer' });
    return (await c.post(`/api/v1/organizations/${org.id}/disable`)).status;
  },
  'organization.create': async (c) =>
    (await c.post('/api/v1/organizations', { name: nextName(), kind: 'customer' })).status,
  'person.read': async (c) => {
    const space = await spaceWithCast();
    const target = await createPerson(server.deps.db, { organizationId: partnerOrgId });
    await addMember(server.deps.db, { spaceId: space.id, userId: target.id, role: 'viewer' });
    return (await c.get(`/api/v1/people/${target.id}`)).status;
  },
  'person.update': async (c) => {
    const space = await spaceWithCast();
    const target = await createPerson(server.deps.db, { organizationId: partnerOrgId });
    await addMember(server.deps.db, { spaceId: space.id, userId: target.id, role: 'viewer' });
    return (await c.patch(`/api/v1/people/${target.id}`, { name: 'Renamed' })).status;
  },
  'person.disable': async (c) => {
    const space = await spaceWithCast();
    const target = await createPerson(server.deps.db, { organizationId: partnerOrgId });
    await addMember(server.deps.db, { spaceId: space.id, userId: target.id, role: 'viewer' });
    return (await c.post(`/api/v1/people/${target.id}/disable`)).status;
  },
  'person.invite': async (c) => {
    await spaceWithCast();
    const body = { email: `${nextName()}@partner.test`, name: 'Invitee', organizationId: partnerOrgId };
    return (await c.post('/api/v1/people', body)).status;
  },
  'audit.read': async (c) => (await c.get('/api/v1/audit')).status,
};

beforeAll(async () => {
  server = await startTestServer();
  const db = server.deps.db;
  const host = await hostOrganization(db);
  const partner = await createOrganization(db, { name: 'Partner Co', kind: 'supplier' });
  const other = await createOrganization(db, { name: 'Other Co', kind: 'customer' });
  partnerOrgId = partner.id;
  people.hostAdmin = await createHostAdmin(db);
  people.manager = await createPerson(db, { organizationId: host.id });
  people.owner = await createPerson(db, { organizationId: host.id });
  people.viewer = await createPerson(db, { organizationId: partner.id });
  people.contributor = await createPerson(db, { organizationId: partner.id });
  people.sameOrgNoMembership = await createPerson(db, { organizationId: partner.id });
  people.otherPartner = await createPerson(db, { organizationId: other.id });
  people.disabled = await createPerson(db, { organizationId: partner.id });
  people.expired = await createPerson(db, { organizationId: partner.id });
  clients.anonymous = server.client();
  for (const name of actorNames) {
    if (name === 'anonymous') continue;
    clients[name] = server.client();
    await clients[name].signIn(people[name].email, DEFAULT_PASSWORD);
  }
  // Revoked after signing in: their still-open sessions must be refused.
  await db.updateTable('users').set({ status: 'disabled' }).where('id', '=', people.disabled.id).execute();
  await db
    .updateTable('users')
    .set({ access_expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('id', '=', people.expired.id)
    .execute();
});

afterAll(async () => {
  await server?.close();
});

describe('authorization matrix (expected answers from the access model, not from the code)', () => {
  for (const [action, expectations] of Object.entries(expected)) {
    it(`${action}: every actor gets exactly the expected answer`, async () => {
      const actual = {} as Row;
      for (const actor of actorNames) actual[actor] = await attempts[action](clients[actor]);
      expect(actual).toEqual(expectations);
    });
  }

  it('the matrix covers every action of the policy that has an HTTP route in the foundation', () => {
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(expected).sort());
  });
});
