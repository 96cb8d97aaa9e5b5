import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThumbnailJob } from '../src/modules/documents/thumbnails.jobs';
import {
  addMember,
  createDocument,
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
  'document.read': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  // The thumbnail is shown to exactly those who may preview the document.
  'document.read (thumbnail)': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 200,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.upload': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 201,
    manager: 201,
    owner: 201,
    hostAdmin: 201,
  }),
  'document.update': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.delete': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.lock': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 200,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.break_lock': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.read_access_log': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'document.manage_settings': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 403,
    manager: 200,
    owner: 200,
    hostAdmin: 200,
  }),
  'folder.create': row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    viewer: 403,
    contributor: 201,
    manager: 201,
    owner: 201,
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

/** A fresh space with its cast and one document in it. */
async function documentWithCast() {
  const space = await spaceWithCast();
  return createDocument(server.deps, { spaceId: space.id, name: `${nextName()}.txt` });
}

/** A fresh space with its cast and one picture in it, whose thumbnail is made. */
async function pictureWithCast() {
  const space = await spaceWithCast();
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060c0' } })
    .png()
    .toBuffer();
  const picture = await createDocument(server.deps, {
    spaceId: space.id,
    name: `${nextName()}.png`,
    bytes,
    mimeType: 'image/png',
  });
  await makeThumbnailJob({ versionId: picture.versionId }, server.deps);
  return picture;
}

/** A document checked out by a contributor who is not one of the actors. */
async function documentLockedByAnother() {
  const document = await documentWithCast();
  const [row] = await server.deps.db.selectFrom('documents').select('space_id').where('id', '=', document.id).execute();
  const holder = await createPerson(server.deps.db, { organizationId: partnerOrgId });
  await addMember(server.deps.db, { spaceId: row.space_id, userId: holder.id, role: 'contributor' });
  await server.deps.db
    .updateTable('documents')
    .set({ lock_user_id: holder.id, lock_expires_at: new Date(Date.now() + 3_600_000).toISOString() })
    .where('id', '=', document.id)
    .execute();
  return document;
}

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
  'document.read': async (c) => (await c.getBytes(`/api/v1/documents/${(await documentWithCast()).id}/content`)).status,
  'document.read (thumbnail)': async (c) =>
    (await c.getBytes(`/api/v1/documents/${(await pictureWithCast()).id}/thumbnail`)).status,
  'document.upload': async (c) => {
    const space = await spaceWithCast();
    const bytes = new TextEncoder().encode('matrix upload');
    return (await c.upload(`/api/v1/spaces/${space.id}/documents`, {}, `${nextName()}.txt`, bytes)).status;
  },
  'document.update': async (c) =>
    (await c.patch(`/api/v1/documents/${(await documentWithCast()).id}`, { description: 'changed' })).status,
  'document.delete': async (c) => (await c.post(`/api/v1/documents/${(await documentWithCast()).id}/trash`)).status,
  'document.lock': async (c) =>
    (await c.post(`/api/v1/documents/${(await documentWithCast()).id}/lock`, { minutes: 5 })).status,
  'document.break_lock': async (c) =>
    (await c.delete(`/api/v1/documents/${(await documentLockedByAnother()).id}/lock`)).status,
  'document.read_access_log': async (c) =>
    (await c.get(`/api/v1/documents/${(await documentWithCast()).id}/access-log`)).status,
  'document.manage_settings': async (c) =>
    (await c.patch(`/api/v1/spaces/${(await spaceWithCast()).id}/document-settings`, { keepVersions: 5 })).status,
  'folder.create': async (c) =>
    (await c.post(`/api/v1/spaces/${(await spaceWithCast()).id}/folders`, { name: nextName() })).status,
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
