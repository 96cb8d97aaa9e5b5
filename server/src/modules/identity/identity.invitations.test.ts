import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, createSpace, hostOrganization } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import type { UserActor } from '../../core/auth/actor';
import { type RequestContext, systemContext } from '../../core/context';
import { createInvitation } from './identity.credentials';
import { auditEvents, mailTo, tokenFromMail } from './identity.test-helpers';

const PASSWORD = 'my own invitation passphrase';
let server: TestServer;
let catcher: MailCatcher;
let adminContext: RequestContext;

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: catcher.url } });
  const host = await hostOrganization(server.deps.db);
  const admin = await createPerson(server.deps.db, { organizationId: host.id, isAdmin: true, name: 'Grace Admin' });
  const actor: UserActor = {
    kind: 'user',
    id: admin.id,
    email: admin.email,
    name: admin.name,
    organizationId: admin.organization_id,
    isHostOrganization: true,
    isAdmin: true,
    isOrgAdmin: false,
    twoFactorEnabled: false,
    via: 'session',
    sessionId: null,
    tokenId: null,
  };
  adminContext = { ...systemContext(server.deps), actor };
});
afterAll(async () => {
  await server?.close();
  await catcher?.close();
});

/** Invites a new person the way the people and spaces modules do, and returns the token from the e-mailed link. */
async function invite(input: { organizationId?: string; spaceId?: string } = {}) {
  const person = await createPerson(server.deps.db, {
    status: 'invited',
    password: null,
    organizationId: input.organizationId,
  });
  await server.deps.db
    .transaction()
    .execute((trx) => createInvitation(trx, adminContext, { userId: person.id, spaceId: input.spaceId ?? null }));
  const mail = await mailTo(server.runJobs, catcher, person.email, /\/invite\//);
  return { person, token: tokenFromMail(mail, '/invite/'), mail };
}

describe('invitations', () => {
  it('the e-mailed link shows who is invited, by whom, into which organization and space', async () => {
    const organization = await createOrganization(server.deps.db, { name: 'Acme Supplies' });
    const space = await createSpace(server.deps.db, { name: 'Tender 2025' });
    const { person, token } = await invite({ organizationId: organization.id, spaceId: space.id });
    const answer = await server.client().get(`/api/v1/invitations/${token}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      email: person.email,
      name: person.name,
      organizationName: 'Acme Supplies',
      invitedBy: 'Grace Admin',
      spaceName: 'Tender 2025',
    });
  });

  it('accepting sets the password, activates the person, signs them in and is audited', async () => {
    const { person, token } = await invite();
    const client = server.client();
    const accept = await client.post(`/api/v1/invitations/${token}/accept`, {
      password: PASSWORD,
      name: 'Katherine J.',
    });
    expect(accept.status).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: person.id, name: 'Katherine J.' });
    const row = await server.deps.db
      .selectFrom('users')
      .select(['status'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    const events = await auditEvents(server.deps.db, 'person.invitation_accepted');
    expect(events.some((e) => e.target_id === person.id && e.actor_id === person.id)).toBe(true);

    const login = await server.client().post('/api/v1/auth/login', { email: person.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });

  it('the link works once', async () => {
    const { token } = await invite();
    expect((await server.client().post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD })).status).toBe(
      200,
    );
    const again = await server.client().post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('identity.invalid_token');
    expect((await server.client().get(`/api/v1/invitations/${token}`)).status).toBe(404);
  });

  it('a weak password or one containing the e-mail is refused and the link still works', async () => {
    const { person, token } = await invite();
    const short = await server.client().post(`/api/v1/invitations/${token}/accept`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('identity.weak_password');
    const local = person.email.split('@')[0];
    const withEmail = await server
      .client()
      .post(`/api/v1/invitations/${token}/accept`, { password: `${local}-secret-9` });
    expect(withEmail.status).toBe(400);
    expect(withEmail.body.detail).toMatch(/e-mail/);
    expect((await server.client().get(`/api/v1/invitations/${token}`)).status).toBe(200);
  });

  it('an unknown or expired link answers 404 identity.invalid_token', async () => {
    const unknown = await server.client().get('/api/v1/invitations/this-is-no-real-token-at-all');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('identity.invalid_token');

    const { person, token } = await invite();
    await server.deps.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    const expired = await server.client().post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(expired.status).toBe(404);
    expect(expired.body.code).toBe('identity.invalid_token');
  });

  it('a person of a disabled organization cannot accept', async () => {
    const organization = await createOrganization(server.deps.db);
    const { person, token } = await invite({ organizationId: organization.id });
    await server.deps.db
      .updateTable('organizations')
      .set({ status: 'disabled' })
      .where('id', '=', organization.id)
      .execute();
    const answer = await server.client().post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('identity.account_disabled');
    const row = await server.deps.db
      .selectFrom('users')
      .select(['status'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('invited');
  });

  it('a disabled person cannot accept', async () => {
    const { person, token } = await invite();
    await server.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', person.id).execute();
    const answer = await server.client().post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(answer.status).toBe(403);
    expect((await server.client().post('/api/v1/auth/login', { email: person.email, password: PASSWORD })).status).toBe(
      401,
    );
  });

  it('a fresh invitation kills the previous link', async () => {
    const { person, token } = await invite();
    catcher.clear();
    await server.deps.db.transaction().execute((trx) => createInvitation(trx, adminContext, { userId: person.id }));
    const fresh = tokenFromMail(await mailTo(server.runJobs, catcher, person.email, /\/invite\//), '/invite/');
    expect((await server.client().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await server.client().get(`/api/v1/invitations/${fresh}`)).status).toBe(200);
  });
});
