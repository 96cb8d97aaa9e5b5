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
import { auditOf, signedIn } from '../people/people.test-helpers';

let server: TestServer;
let mail: MailCatcher;
let admin: HttpClient;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url } });
  admin = await signedIn(server, await createHostAdmin(server.deps.db));
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

let counter = 0;
function newEmail() {
  counter += 1;
  return `guest-${Date.now().toString(36)}-${counter}@example.test`;
}

/** A space run by a partner manager, with a host owner, and a partner organization taking part through its viewer. */
async function partnerRunSpace() {
  const db = server.deps.db;
  const space = await createSpace(db, { name: `Tender ${Date.now()}` });
  const owner = await createPerson(db, { organizationId: (await hostOrganization(db)).id });
  const partner = await createOrganization(db);
  const manager = await createPerson(db, { organizationId: partner.id });
  const viewer = await createPerson(db, { organizationId: partner.id });
  await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
  await addMember(db, { spaceId: space.id, userId: manager.id, role: 'manager' });
  await addMember(db, { spaceId: space.id, userId: viewer.id, role: 'viewer' });
  return { space, partner, owner, manager, viewer, managerClient: await signedIn(server, manager) };
}

describe('inviting an outsider straight into a space', () => {
  it('a manager invites a new person: invited in the organization, member of the space, e-mailed a link naming it, audited', async () => {
    const { space, partner, managerClient } = await partnerRunSpace();
    const email = newEmail();
    const invited = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, {
      email,
      name: 'Gus Guest',
      organizationId: partner.id,
      role: 'contributor',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.member).toMatchObject({
      role: 'contributor',
      person: { email, name: 'Gus Guest', status: 'invited' },
      organization: { id: partner.id },
    });
    const message = await mailTo(server.runJobs, mail, email, new RegExp(space.name));
    const info = await server.client().get(`/api/v1/invitations/${tokenFromMail(message, '/invite/')}`);
    expect(info.body).toMatchObject({ email, spaceName: space.name });
    const [event] = await auditOf(server.deps.db, 'space.invitation_sent', space.id);
    expect(JSON.parse(event.details)).toMatchObject({
      email,
      role: 'contributor',
      newPerson: true,
      invitationSent: true,
    });
    expect(await auditOf(server.deps.db, 'person.invited', invited.body.member.person.id)).toHaveLength(1);
  });

  it('an existing person of that organization is reused: still-invited people get a fresh link, active ones none', async () => {
    const db = server.deps.db;
    const { space, partner, managerClient } = await partnerRunSpace();
    const waiting = await createPerson(db, { organizationId: partner.id, status: 'invited', password: null });
    const active = await createPerson(db, { organizationId: partner.id });
    const body = (email: string) => ({ email, name: 'Ignored', organizationId: partner.id, role: 'viewer' });

    const first = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(waiting.email));
    expect(first.status).toBe(201);
    expect(first.body.member.person).toMatchObject({ id: waiting.id, name: waiting.name });
    await mailTo(server.runJobs, mail, waiting.email, new RegExp(space.name));
    const second = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(active.email.toUpperCase()));
    expect(second.status).toBe(201);
    expect(second.body.member.person.id).toBe(active.id);
    const events = await auditOf(db, 'space.invitation_sent', space.id);
    expect(events.map((e) => JSON.parse(e.details).invitationSent)).toEqual([true, false]);
    const people = await db.selectFrom('users').select('id').where('organization_id', '=', partner.id).execute();
    expect(people).toHaveLength(4);
  });

  it('someone already in the space is 409 spaces.member_exists; an address of another organization is 409 identity.email_taken', async () => {
    const db = server.deps.db;
    const { space, partner, viewer, managerClient } = await partnerRunSpace();
    const body = (email: string) => ({ email, name: 'X', organizationId: partner.id, role: 'viewer' });
    const twice = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(viewer.email));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('spaces.member_exists');
    const elsewhere = await createPerson(db);
    const moved = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(elsewhere.email));
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('identity.email_taken');
  });

  it('a partner manager may invite only into organizations taking part: 403 for the host and for a visible bystander', async () => {
    const db = server.deps.db;
    const { space, manager, managerClient } = await partnerRunSpace();
    const host = await hostOrganization(db);
    const body = (organizationId: string) => ({ email: newEmail(), name: 'X', organizationId, role: 'viewer' });
    const intoHost = await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(host.id));
    expect(intoHost.status).toBe(403);
    // Visible to the manager through another space, but not part of this one.
    const bystander = await createOrganization(db);
    const other = await createSpace(db);
    await addMember(db, { spaceId: other.id, userId: manager.id, role: 'viewer' });
    await addMember(db, { spaceId: other.id, organizationId: bystander.id, role: 'viewer' });
    expect((await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(bystander.id))).status).toBe(403);
    const hidden = await createOrganization(db);
    expect((await managerClient.post(`/api/v1/spaces/${space.id}/invitations`, body(hidden.id))).status).toBe(404);
  });

  it('host staff managing a space may invite a colleague into the host organization; a host admin anywhere', async () => {
    const db = server.deps.db;
    const { space, owner } = await partnerRunSpace();
    const host = await hostOrganization(db);
    const ownerClient = await signedIn(server, owner);
    const colleague = await ownerClient.post(`/api/v1/spaces/${space.id}/invitations`, {
      email: newEmail(),
      name: 'Host Colleague',
      organizationId: host.id,
      role: 'manager',
    });
    expect(colleague.status).toBe(201);
    const fresh = await createOrganization(db);
    const anywhere = await admin.post(`/api/v1/spaces/${space.id}/invitations`, {
      email: newEmail(),
      name: 'New Partner',
      organizationId: fresh.id,
      role: 'viewer',
    });
    expect(anywhere.status).toBe(201);
  });

  it('a viewer cannot invite and gets 403; nothing is created', async () => {
    const { space, partner, viewer } = await partnerRunSpace();
    const email = newEmail();
    const client = await signedIn(server, viewer);
    const refused = await client.post(`/api/v1/spaces/${space.id}/invitations`, {
      email,
      name: 'X',
      organizationId: partner.id,
      role: 'viewer',
    });
    expect(refused.status).toBe(403);
    expect(
      await server.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
  });
});
