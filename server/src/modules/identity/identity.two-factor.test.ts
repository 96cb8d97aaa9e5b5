import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostAdmin, createPerson, DEFAULT_PASSWORD } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { auditEvents, enableTotpFor, mailTo, sessionCookieValue, totpCode } from './identity.test-helpers';

let server: TestServer;
let enforcing: TestServer;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: catcher.url, LOGIN_MAX_FAILURES_PER_ACCOUNT: '4' } });
  enforcing = await startTestServer({ env: { REQUIRE_2FA: 'all' } });
});
afterAll(async () => {
  await server?.close();
  await enforcing?.close();
  await catcher?.close();
});

async function signedInWithTotp() {
  const person = await createPerson(server.deps.db);
  const client = server.client();
  await client.signIn(person.email, DEFAULT_PASSWORD);
  const totp = await enableTotpFor(client);
  await client.post('/api/v1/auth/logout');
  return { person, ...totp };
}

describe('turning TOTP on', () => {
  it('set-up returns the secret, an otpauth URL for Gatehouse and the e-mail, and an SVG QR code', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const setup = await client.post('/api/v1/me/2fa/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(setup.body.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(decodeURIComponent(url.pathname)).toContain(`Gatehouse:${person.email}`);
    expect(url.searchParams.get('issuer')).toBe('Gatehouse');
    expect(url.searchParams.get('secret')).toBe(setup.body.secret);
    expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const row = await server.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(0);
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(setup.body.secret);
  });

  it('a wrong first code is refused and TOTP stays off', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    await client.post('/api/v1/me/2fa/totp/setup');
    const enable = await client.post('/api/v1/me/2fa/totp/enable', { code: '000000' });
    expect(enable.status).toBe(400);
    expect(enable.body.code).toBe('identity.invalid_two_factor_code');
    expect((await client.get('/api/v1/me')).body.twoFactorEnabled).toBe(false);
  });

  it('the right code turns TOTP on, returns 10 recovery codes once, e-mails a notice and is audited', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const { recoveryCodes } = await enableTotpFor(client);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await client.get('/api/v1/me')).body.twoFactorEnabled).toBe(true);

    const stored = await server.deps.db
      .selectFrom('recovery_codes')
      .selectAll()
      .where('user_id', '=', person.id)
      .execute();
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(recoveryCodes).not.toContain(row.code_hash);

    const notice = await mailTo(server.runJobs, catcher, person.email, /turned on/);
    expect(notice.subject).toMatch(/security change/i);
    const events = await auditEvents(server.deps.db, 'auth.two_factor_enabled');
    expect(events.some((e) => e.actor_id === person.id)).toBe(true);

    const again = await client.post('/api/v1/me/2fa/totp/setup');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('identity.two_factor_already_enabled');
  });
});

describe('signing in with TOTP', () => {
  it('the password alone gives a pending session that grants nothing; the code completes it under a new token', async () => {
    const { person, secret } = await signedInWithTotp();
    const client = server.client();
    const login = await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(login.body).toEqual({ twoFactorRequired: true });
    const pendingToken = sessionCookieValue(client) as string;
    expect((await client.get('/api/v1/me')).status).toBe(401);

    const second = await client.post('/api/v1/auth/2fa', { code: await totpCode(secret, 1) });
    expect(second.status).toBe(200);
    expect(sessionCookieValue(client)).not.toBe(pendingToken);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(person.id);

    const replayPending = server.client();
    replayPending.cookies.set('gatehouse_session', pendingToken);
    expect((await replayPending.post('/api/v1/auth/2fa', { code: await totpCode(secret, 1) })).status).toBe(401);
  });

  it('the same code is never accepted twice', async () => {
    const { person, secret } = await signedInWithTotp();
    const code = await totpCode(secret, 1);
    const first = server.client();
    await first.signIn(person.email, DEFAULT_PASSWORD, code);
    expect((await first.get('/api/v1/me')).status).toBe(200);

    const second = server.client();
    await second.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    const replay = await second.post('/api/v1/auth/2fa', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('identity.invalid_two_factor_code');
    expect((await second.get('/api/v1/me')).status).toBe(401);
    const failures = await auditEvents(server.deps.db, 'auth.two_factor');
    expect(failures.some((e) => e.actor_id === person.id && e.outcome === 'failure')).toBe(true);
  });

  it('a recovery code works once, in any case and without its dash', async () => {
    const { person, recoveryCodes } = await signedInWithTotp();
    const client = server.client();
    await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    const used = await client.post('/api/v1/auth/2fa', { code: recoveryCodes[0].toUpperCase().replace('-', '') });
    expect(used.status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(200);

    const again = server.client();
    await again.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    const reused = await again.post('/api/v1/auth/2fa', { code: recoveryCodes[0] });
    expect(reused.status).toBe(400);
    const other = await again.post('/api/v1/auth/2fa', { code: recoveryCodes[1] });
    expect(other.status).toBe(200);
  });

  it('wrong codes count as failed sign-ins and end in 429', async () => {
    const { person, secret } = await signedInWithTotp();
    const client = server.client();
    await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await client.post('/api/v1/auth/2fa', { code: '12345x-bad' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const right = await client.post('/api/v1/auth/2fa', { code: await totpCode(secret, 1) });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('without a pending sign-in the second step answers 401', async () => {
    const answer = await server.client().post('/api/v1/auth/2fa', { code: '123456' });
    expect(answer.status).toBe(401);
  });

  it('signing out works for a session still waiting for its code', async () => {
    const { person } = await signedInWithTotp();
    const client = server.client();
    await client.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    const pendingToken = sessionCookieValue(client) as string;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    const session = await server.deps.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', person.id)
      .where('mfa_pending', '=', 1)
      .executeTakeFirstOrThrow();
    expect(session.revoked_at).not.toBeNull();
    expect(pendingToken).toBeTruthy();
  });
});

describe('turning TOTP off and replacing recovery codes', () => {
  it('turning TOTP off needs the password, e-mails a notice, and the next sign-in asks for no code', async () => {
    const { person, secret } = await signedInWithTotp();
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD, await totpCode(secret, 1));
    const wrong = await client.post('/api/v1/me/2fa/totp/disable', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('identity.wrong_password');
    const off = await client.post('/api/v1/me/2fa/totp/disable', { password: DEFAULT_PASSWORD });
    expect(off.status).toBe(200);
    const notice = await mailTo(server.runJobs, catcher, person.email, /two-factor authentication was turned off/);
    expect(notice.subject).toMatch(/security change/i);
    const login = await server.client().post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(login.body).toEqual({ twoFactorRequired: false });
    expect((await auditEvents(server.deps.db, 'auth.two_factor_disabled')).some((e) => e.actor_id === person.id)).toBe(
      true,
    );
  });

  it('new recovery codes need the password and make the old ones useless', async () => {
    const { person, secret, recoveryCodes } = await signedInWithTotp();
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD, await totpCode(secret, 1));
    const wrong = await client.post('/api/v1/me/2fa/recovery-codes', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    const fresh = await client.post('/api/v1/me/2fa/recovery-codes', { password: DEFAULT_PASSWORD });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);

    const old = server.client();
    await old.post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect((await old.post('/api/v1/auth/2fa', { code: recoveryCodes[2] })).status).toBe(400);
    expect((await old.post('/api/v1/auth/2fa', { code: fresh.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('turning off TOTP that is not on answers 409', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await client.post('/api/v1/me/2fa/totp/disable', { password: DEFAULT_PASSWORD });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('identity.two_factor_not_enabled');
  });
});

describe('REQUIRE_2FA=all', () => {
  it('a person without TOTP must enrol before anything else, and can work once it is on', async () => {
    const admin = await createHostAdmin(enforcing.deps.db);
    const client = enforcing.client();
    await client.signIn(admin.email, DEFAULT_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.body.twoFactorSetupRequired).toBe(true);
    const blocked = await client.get('/api/v1/me/sessions');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('identity.two_factor_setup_required');

    await enableTotpFor(client);
    expect((await client.get('/api/v1/me')).body.twoFactorSetupRequired).toBe(false);
    expect((await client.get('/api/v1/me/sessions')).status).toBe(200);
  });

  it('a person the policy requires to use TOTP cannot turn it off', async () => {
    const person = await createPerson(enforcing.deps.db);
    const client = enforcing.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    await enableTotpFor(client);
    const answer = await client.post('/api/v1/me/2fa/totp/disable', { password: DEFAULT_PASSWORD });
    expect(answer.status).toBe(403);
    expect((await client.get('/api/v1/me')).body.twoFactorEnabled).toBe(true);
  });
});
