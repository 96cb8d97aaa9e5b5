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
import { type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { mailTo, tokenFromMail } from '../identity/identity.test-helpers';
import { apiTokenClient, auditOf, signedIn } from './people.test-helpers';

let server: TestServer;
let mail: MailCatcher;
let admin: HttpClient;
let adminId: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url } });
  const person = await createHostAdmin(server.deps.db);
  adminId = person.id;
  admin = await signedIn(server, person);
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

let counter = 0;
function newEmail() {
  counter += 1;
  return `invitee-${Date.now().toString(36)}-${counter}@example.test`;
}
const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe('listing people', () => {
  it('a host admin filters people by organization, status and a part of the name or e-mail', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db);
    const ann = await createPerson(db, { organizationId: org.id, name: 'Ann Lindqvist' });
    const ben = await createPerson(db, { organizationId: org.id, name: 'Ben Okafor', status: 'invited' });
    await createPerson(db, { name: 'Ann Lindqvist' });

    const all = await admin.get(`/api/v1/people?organizationId=${org.id}`);
    expect(all.status).toBe(200);
    expect(ids(all.body.people)).toEqual(ids([ann, ben]));
    expect(all.body.abilities['person.invite']).toBe(true);
    const invited = await admin.get(`/api/v1/people?organizationId=${org.id}&status=invited`);
    expect(ids(invited.body.people)).toEqual([ben.id]);
    const byName = await admin.get(`/api/v1/people?organizationId=${org.id}&q=lindQ`);
    expect(ids(byName.body.people)).toEqual([ann.id]);
    const byEmail = await admin.get(`/api/v1/people?q=${encodeURIComponent(ben.email.toUpperCase())}`);
    expect(ids(byEmail.body.people)).toEqual([ben.id]);
  });

  it('people of one partner organization never see people of another unless they share a live space', async () => {
    const db = server.deps.db;
    const acme = await createOrganization(db);
    const globex = await createOrganization(db);
    const me = await createPerson(db, { organizationId: acme.id });
    const colleague = await createPerson(db, { organizationId: acme.id });
    const sharing = await createPerson(db, { organizationId: globex.id });
    const formerlySharing = await createPerson(db, { organizationId: globex.id });
    const stranger = await createPerson(db, { organizationId: globex.id });
    const space = await createSpace(db);
    await addMember(db, { spaceId: space.id, userId: me.id, role: 'viewer' });
    await addMember(db, { spaceId: space.id, userId: sharing.id, role: 'viewer' });
    const past = new Date(Date.now() - 60_000).toISOString();
    await addMember(db, { spaceId: space.id, userId: formerlySharing.id, role: 'viewer', expiresAt: past });

    const client = await signedIn(server, me);
    const list = await client.get('/api/v1/people');
    expect(list.status).toBe(200);
    expect(ids(list.body.people)).toEqual(ids([me, colleague, sharing]));
    expect(list.body.abilities['person.invite']).toBe(false);
    const theirs = await client.get(`/api/v1/people?organizationId=${globex.id}`);
    expect(ids(theirs.body.people)).toEqual([sharing.id]);
    expect((await client.get(`/api/v1/people/${stranger.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/people/${formerlySharing.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/people?organizationId=${(await createOrganization(db)).id}`)).status).toBe(404);
  });

  it('one person reads as the contract says: organization, sponsor, sign-in and 2FA facts, abilities', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db, { kind: 'supplier' });
    const person = await createPerson(db, { organizationId: org.id, sponsorId: adminId });
    const read = await admin.get(`/api/v1/people/${person.id}`);
    expect(read.status).toBe(200);
    expect(read.body.person).toMatchObject({
      id: person.id,
      email: person.email,
      status: 'active',
      isAdmin: false,
      isOrgAdmin: false,
      organization: { id: org.id, name: org.name, kind: 'supplier' },
      sponsor: { id: adminId },
      accessExpiresAt: null,
      twoFactorEnabled: false,
      lastSignInAt: null,
      abilities: { 'person.read': true, 'person.update': true, 'person.disable': true },
    });
  });
});

describe('inviting people', () => {
  it('a host admin invites a partner person: invited without password, sponsored by them, e-mailed a link, audited', async () => {
    const org = await createOrganization(server.deps.db);
    const email = newEmail();
    const invited = await admin.post('/api/v1/people', {
      email: email.toUpperCase(),
      name: 'Dana Ruiz',
      organizationId: org.id,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.person).toMatchObject({
      email,
      status: 'invited',
      sponsor: { id: adminId },
      organization: { id: org.id },
    });
    const row = await server.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();

    const message = await mailTo(server.runJobs, mail, email, /invited/);
    const token = tokenFromMail(message, '/invite/');
    const info = await server.client().get(`/api/v1/invitations/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ email, organizationName: org.name });
    const [event] = await auditOf(server.deps.db, 'person.invited', invited.body.person.id);
    expect(JSON.parse(event.details)).toMatchObject({ organizationId: org.id, sponsorId: adminId });
  });

  it('a partner organization admin invites into their own organization only: 403 for a visible other, 404 for a hidden one', async () => {
    const db = server.deps.db;
    const own = await createOrganization(db);
    const visible = await createOrganization(db);
    const hidden = await createOrganization(db);
    const orgAdmin = await createPerson(db, { organizationId: own.id, isOrgAdmin: true, sponsorId: adminId });
    const space = await createSpace(db);
    await addMember(db, { spaceId: space.id, userId: orgAdmin.id, role: 'viewer' });
    await addMember(db, { spaceId: space.id, organizationId: visible.id, role: 'viewer' });
    const client = await signedIn(server, orgAdmin);

    const ok = await client.post('/api/v1/people', { email: newEmail(), name: 'Colleague', organizationId: own.id });
    expect(ok.status).toBe(201);
    // A partner admin's invitee is answered for by the partner admin's own host sponsor.
    expect(ok.body.person.sponsor).toMatchObject({ id: adminId });
    const other = await client.post('/api/v1/people', { email: newEmail(), name: 'X', organizationId: visible.id });
    expect(other.status).toBe(403);
    const secret = await client.post('/api/v1/people', { email: newEmail(), name: 'X', organizationId: hidden.id });
    expect(secret.status).toBe(404);
  });

  it('only host admins make someone an admin, and only in the host organization', async () => {
    const db = server.deps.db;
    const host = await hostOrganization(db);
    const partner = await createOrganization(db);
    const orgAdmin = await signedIn(server, await createPerson(db, { organizationId: partner.id, isOrgAdmin: true }));
    const byPartner = await orgAdmin.post('/api/v1/people', {
      email: newEmail(),
      name: 'X',
      organizationId: partner.id,
      isAdmin: true,
    });
    expect(byPartner.status).toBe(403);
    const intoPartner = await admin.post('/api/v1/people', {
      email: newEmail(),
      name: 'X',
      organizationId: partner.id,
      isAdmin: true,
    });
    expect(intoPartner.status).toBe(403);
    const intoHost = await admin.post('/api/v1/people', {
      email: newEmail(),
      name: 'Y',
      organizationId: host.id,
      isAdmin: true,
    });
    expect(intoHost.status).toBe(201);
    expect(intoHost.body.person).toMatchObject({ isAdmin: true, sponsor: null });
  });

  it('a sponsor outside the host organization is refused with 400 people.sponsor_not_host', async () => {
    const db = server.deps.db;
    const org = await createOrganization(db);
    const partnerPerson = await createPerson(db, { organizationId: org.id });
    const body = { email: newEmail(), name: 'X', organizationId: org.id, sponsorId: partnerPerson.id };
    const refused = await admin.post('/api/v1/people', body);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('people.sponsor_not_host');
  });

  it('an e-mail address already in use is refused with 409 identity.email_taken', async () => {
    const existing = await createPerson(server.deps.db);
    const again = await admin.post('/api/v1/people', {
      email: existing.email,
      name: 'Twin',
      organizationId: existing.organization_id,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('identity.email_taken');
  });

  it('resending an invitation sends a new link and the old one stops working; an active person gets 409', async () => {
    const org = await createOrganization(server.deps.db);
    const email = newEmail();
    const invited = await admin.post('/api/v1/people', { email, name: 'Eve', organizationId: org.id });
    const first = tokenFromMail(await mailTo(server.runJobs, mail, email, /invited/), '/invite/');
    mail.clear();
    const resent = await admin.post(`/api/v1/people/${invited.body.person.id}/resend-invitation`);
    expect(resent.status).toBe(200);
    const second = tokenFromMail(await mailTo(server.runJobs, mail, email, /invited/), '/invite/');
    expect(second).not.toBe(first);
    expect((await server.client().get(`/api/v1/invitations/${first}`)).status).toBe(404);
    expect((await server.client().get(`/api/v1/invitations/${second}`)).status).toBe(200);
    expect(await auditOf(server.deps.db, 'person.invitation_resent', invited.body.person.id)).toHaveLength(1);

    const active = await createPerson(server.deps.db, { organizationId: org.id });
    expect((await admin.post(`/api/v1/people/${active.id}/resend-invitation`)).status).toBe(409);
  });
});

describe('changing people', () => {
  it('a host admin updates name, sponsor, access expiry and org-admin right, audited', async () => {
    const db = server.deps.db;
    const host = await hostOrganization(db);
    const sponsor = await createPerson(db, { organizationId: host.id, name: 'Sam Sponsor' });
    const person = await createPerson(db);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const updated = await admin.patch(`/api/v1/people/${person.id}`, {
      name: 'Renamed Person',
      sponsorId: sponsor.id,
      accessExpiresAt: expiresAt,
      isOrgAdmin: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.person).toMatchObject({
      name: 'Renamed Person',
      sponsor: { id: sponsor.id, name: 'Sam Sponsor' },
      accessExpiresAt: expiresAt,
      isOrgAdmin: true,
    });
    const [event] = await auditOf(db, 'person.updated', person.id);
    expect(JSON.parse(event.details).changed.sort()).toEqual([
      'access_expires_at',
      'is_org_admin',
      'name',
      'sponsor_id',
    ]);
  });

  it('a partner organization admin manages only their own people: 200 for a colleague, 403 for a visible other, 404 for a hidden one', async () => {
    const db = server.deps.db;
    const own = await createOrganization(db);
    const other = await createOrganization(db);
    const orgAdmin = await createPerson(db, { organizationId: own.id, isOrgAdmin: true });
    const colleague = await createPerson(db, { organizationId: own.id });
    const sharing = await createPerson(db, { organizationId: other.id });
    const hidden = await createPerson(db, { organizationId: other.id });
    const space = await createSpace(db);
    await addMember(db, { spaceId: space.id, userId: orgAdmin.id, role: 'viewer' });
    await addMember(db, { spaceId: space.id, userId: sharing.id, role: 'viewer' });
    const client = await signedIn(server, orgAdmin);

    expect((await client.patch(`/api/v1/people/${colleague.id}`, { name: 'Colleague Renamed' })).status).toBe(200);
    expect((await client.patch(`/api/v1/people/${sharing.id}`, { name: 'Nope' })).status).toBe(403);
    expect((await client.patch(`/api/v1/people/${hidden.id}`, { name: 'Nope' })).status).toBe(404);
    expect((await client.post(`/api/v1/people/${sharing.id}/disable`)).status).toBe(403);
    expect((await client.post(`/api/v1/people/${hidden.id}/disable`)).status).toBe(404);
    expect((await client.patch(`/api/v1/people/${colleague.id}`, { isAdmin: true })).status).toBe(403);
  });

  it('disabling a person ends their session and API token on the very next request, audited', async () => {
    const db = server.deps.db;
    const person = await createPerson(db);
    const session = await signedIn(server, person);
    const token = await apiTokenClient(server, await signedIn(server, person));
    const disabled = await admin.post(`/api/v1/people/${person.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.person.status).toBe('disabled');
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect((await token.get('/api/v1/me')).status).toBe(401);
    const [event] = await auditOf(db, 'person.disabled', person.id);
    expect(JSON.parse(event.details)).toEqual({ previousStatus: 'active' });
  });

  it('nobody can disable themselves: 403 people.cannot_disable_self', async () => {
    const orgAdmin = await createPerson(server.deps.db, { isOrgAdmin: true });
    const client = await signedIn(server, orgAdmin);
    const refused = await client.post(`/api/v1/people/${orgAdmin.id}/disable`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('people.cannot_disable_self');
    const adminSelf = await admin.post(`/api/v1/people/${adminId}/disable`);
    expect(adminSelf.body.code).toBe('people.cannot_disable_self');
    expect((await admin.get('/api/v1/me')).status).toBe(200);
  });

  it('enabling brings a person back to active, or to invited when they never chose a password, audited', async () => {
    const db = server.deps.db;
    const withPassword = await createPerson(db, { status: 'disabled' });
    const neverAccepted = await createPerson(db, { status: 'disabled', password: null });
    const first = await admin.post(`/api/v1/people/${withPassword.id}/enable`);
    expect(first.body.person.status).toBe('active');
    const second = await admin.post(`/api/v1/people/${neverAccepted.id}/enable`);
    expect(second.body.person.status).toBe('invited');
    expect((await (await signedIn(server, withPassword)).get('/api/v1/me')).status).toBe(200);
    expect(await auditOf(db, 'person.enabled', neverAccepted.id)).toHaveLength(1);
  });
});
