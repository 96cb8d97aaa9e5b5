import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, DEFAULT_PASSWORD, hostOrganization } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { auditEvents, sessionCookieValue, sessionSetCookie } from './identity.test-helpers';

let server: TestServer;
let httpsServer: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  httpsServer = await startTestServer({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await server?.close();
  await httpsServer?.close();
});

describe('signing in', () => {
  it('a person with the right password gets an HttpOnly, SameSite=Lax session cookie on path / and can read /me', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    const login = await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ twoFactorRequired: false });
    const cookie = sessionSetCookie(login.headers) ?? '';
    expect(cookie).toMatch(/^gatehouse_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);

    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(person.email);
    const row = await server.deps.db
      .selectFrom('users')
      .select('last_sign_in_at')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.last_sign_in_at).not.toBeNull();
    const [event] = (await auditEvents(server.deps.db, 'auth.sign_in')).filter((e) => e.actor_id === person.id);
    expect(event.outcome).toBe('success');
  });

  it('the e-mail is matched whatever its case', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    const login = await client.post('/api/v1/auth/login', {
      email: person.email.toUpperCase(),
      password: DEFAULT_PASSWORD,
    });
    expect(login.status).toBe(200);
  });

  it('over HTTPS behind a trusted proxy the cookie is __Host- prefixed and Secure', async () => {
    const person = await createPerson(httpsServer.deps.db);
    const client = httpsServer.client();
    const login = await client.request('POST', '/api/v1/auth/login', {
      body: { email: person.email, password: DEFAULT_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(login.status).toBe(200);
    const cookie = sessionSetCookie(login.headers) ?? '';
    expect(cookie).toMatch(/^__Host-gatehouse_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const me = await client.get('/api/v1/me', { 'x-forwarded-proto': 'https' });
    expect(me.status).toBe(200);
  });

  it('unknown e-mail, wrong password, invited, disabled, expired and disabled-organization accounts all get the same 401', async () => {
    const db = server.deps.db;
    const known = await createPerson(db);
    const invited = await createPerson(db, { status: 'invited', password: null });
    const disabled = await createPerson(db, { status: 'disabled' });
    const expired = await createPerson(db, { accessExpiresAt: '2020-01-01T00:00:00.000Z' });
    const closedOrg = await createOrganization(db, { status: 'disabled' });
    const inClosedOrg = await createPerson(db, { organizationId: closedOrg.id });
    const attempts = [
      { email: 'nobody-here@example.test', password: DEFAULT_PASSWORD },
      { email: known.email, password: 'not the right password at all' },
      { email: invited.email, password: DEFAULT_PASSWORD },
      { email: disabled.email, password: DEFAULT_PASSWORD },
      { email: expired.email, password: DEFAULT_PASSWORD },
      { email: inClosedOrg.email, password: DEFAULT_PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) answers.push(await server.client().post('/api/v1/auth/login', attempt));
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0].body);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(answers[0].body.code).toBe('identity.invalid_credentials');
  });

  it('a failed sign-in is audited with the e-mail tried and the reason', async () => {
    const person = await createPerson(server.deps.db);
    await server.client().post('/api/v1/auth/login', { email: person.email, password: 'wrong password here!' });
    const events = (await auditEvents(server.deps.db, 'auth.sign_in')).filter((e) => e.actor_label === person.email);
    expect(events).toHaveLength(1);
    expect(events[0].outcome).toBe('failure');
    expect(JSON.parse(events[0].details)).toEqual({ reason: 'wrong_password' });
  });
});

describe('session fixation and sign-out', () => {
  it('a session cookie planted before sign-in is not the session after sign-in', async () => {
    const person = await createPerson(server.deps.db);
    const victim = server.client();
    victim.cookies.set('gatehouse_session', 'planted-by-an-attacker-0123456789');
    const login = await victim.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(login.status).toBe(200);
    expect(sessionCookieValue(victim)).not.toBe('planted-by-an-attacker-0123456789');

    const attacker = server.client();
    attacker.cookies.set('gatehouse_session', 'planted-by-an-attacker-0123456789');
    expect((await attacker.get('/api/v1/me')).status).toBe(401);
    expect((await victim.get('/api/v1/me')).status).toBe(200);
  });

  it('signing in again from a browser that holds a session gives a new token and ends the old one', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const before = sessionCookieValue(client) as string;
    const again = await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(again.status).toBe(200);
    expect(sessionCookieValue(client)).not.toBe(before);
    const replay = server.client();
    replay.cookies.set('gatehouse_session', before);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
  });

  it('signing out revokes the session, so replaying the old cookie gets 401 on /me', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const oldCookie = sessionCookieValue(client) as string;
    const logout = await client.post('/api/v1/auth/logout');
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie().some((c) => /gatehouse_session=;/.test(c))).toBe(true);
    expect(sessionCookieValue(client)).toBeUndefined();

    const replay = server.client();
    replay.cookies.set('gatehouse_session', oldCookie);
    const me = await replay.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('http.unauthorized');
    expect((await auditEvents(server.deps.db, 'auth.sign_out')).some((e) => e.actor_id === person.id)).toBe(true);
  });
});

describe('cross-site request forgery', () => {
  it('a cookie-authenticated change without X-CSRF-Token is refused with 403 http.csrf_failed', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    client.csrfToken = null;
    const answer = await client.patch('/api/v1/me', { name: 'Forged name' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('http.csrf_failed');
    const row = await server.deps.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe(person.name);
  });

  it('a change sent from a foreign Origin is refused with 403 even with the right token', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await client.request('PATCH', '/api/v1/me', {
      body: { name: 'Forged name' },
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('http.csrf_failed');
  });

  it('with the token from /me and its own Origin, the same change goes through', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await client.patch('/api/v1/me', { name: 'New Name', locale: 'fr' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'New Name', locale: 'fr' });
  });
});

describe('the signed-in person', () => {
  it('/me describes a host admin with organization, flags, abilities and a CSRF token', async () => {
    const host = await hostOrganization(server.deps.db);
    const admin = await createPerson(server.deps.db, { organizationId: host.id, isAdmin: true });
    const client = server.client();
    await client.signIn(admin.email, DEFAULT_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({
      id: admin.id,
      email: admin.email,
      isAdmin: true,
      isOrgAdmin: false,
      organization: { id: host.id, isHost: true, kind: 'host' },
      twoFactorEnabled: false,
      twoFactorSetupRequired: false,
    });
    expect(me.body.csrfToken.length).toBeGreaterThan(20);
    expect(me.body.abilities['organization.create']).toBe(true);
  });

  it('a partner sees their own organization and no admin abilities', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.body.organization).toMatchObject({ id: person.organization_id, isHost: false });
    expect(me.body.abilities['organization.create']).toBe(false);
    expect(me.body).not.toHaveProperty('password_hash');
  });

  it('updating own name and locale is saved and audited', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await client.patch('/api/v1/me', { name: '  Ada Lovelace ', locale: 'en' });
    expect(answer.body).toMatchObject({ name: 'Ada Lovelace', locale: 'en' });
    const events = await auditEvents(server.deps.db, 'person.profile_updated');
    expect(events.some((e) => e.target_id === person.id)).toBe(true);
  });

  it('anonymous callers get 401 on /me', async () => {
    const me = await server.client().get('/api/v1/me');
    expect(me.status).toBe(401);
  });
});
