import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, DEFAULT_PASSWORD } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { addressesOf, type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { auditEvents, mailTo, tokenFromMail } from './identity.test-helpers';

const NEW_PASSWORD = 'a brand new passphrase 2025';
let server: TestServer;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: catcher.url } });
});
afterAll(async () => {
  await server?.close();
  await catcher?.close();
});

async function resetLinkFor(email: string) {
  const answer = await server.client().post('/api/v1/auth/password/forgot', { email });
  expect(answer.status).toBe(202);
  const mail = await mailTo(server.runJobs, catcher, email, /reset-password/);
  return tokenFromMail(mail, '/reset-password/');
}

describe('changing one’s password', () => {
  it('a wrong current password is refused with 400 identity.wrong_password', async () => {
    const person = await createPerson(server.deps.db);
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await client.post('/api/v1/me/password', {
      currentPassword: 'not it at all!',
      newPassword: NEW_PASSWORD,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('identity.wrong_password');
  });

  it('a short, common or e-mail-based password is refused with the reason', async () => {
    const person = await createPerson(server.deps.db, { email: 'margaret.hamilton@example.test' });
    const client = server.client();
    await client.signIn(person.email, DEFAULT_PASSWORD);
    for (const [weak, reason] of [
      ['short', /at least 12/],
      ['password1234', /common/],
      ['margaret.hamilton-2025!', /e-mail/],
    ] as const) {
      const answer = await client.post('/api/v1/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: weak });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('identity.weak_password');
      expect(answer.body.detail).toMatch(reason);
    }
  });

  it('a new password keeps this session, ends every other one, e-mails a notice and is audited', async () => {
    const person = await createPerson(server.deps.db);
    const here = server.client();
    const elsewhere = server.client();
    await here.signIn(person.email, DEFAULT_PASSWORD);
    await elsewhere.signIn(person.email, DEFAULT_PASSWORD);
    const answer = await here.post('/api/v1/me/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(answer.status).toBe(200);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);

    const notice = await mailTo(server.runJobs, catcher, person.email, /your password was changed/);
    expect(notice.subject).toMatch(/security change/i);
    expect((await auditEvents(server.deps.db, 'auth.password_changed')).some((e) => e.actor_id === person.id)).toBe(
      true,
    );

    const oldLogin = await server
      .client()
      .post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(oldLogin.status).toBe(401);
    const newLogin = await server.client().post('/api/v1/auth/login', { email: person.email, password: NEW_PASSWORD });
    expect(newLogin.status).toBe(200);
  });
});

describe('forgotten password', () => {
  it('the answer is the same 202 for a known and an unknown e-mail, and only the known one gets mail', async () => {
    const person = await createPerson(server.deps.db);
    const known = await server.client().post('/api/v1/auth/password/forgot', { email: person.email });
    const unknown = await server
      .client()
      .post('/api/v1/auth/password/forgot', { email: 'no-such-person@example.test' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await mailTo(server.runJobs, catcher, person.email, /reset-password/);
    expect(catcher.messages.some((m) => addressesOf(m.to).includes('no-such-person@example.test'))).toBe(false);
  });

  it('a disabled person gets no reset link', async () => {
    const person = await createPerson(server.deps.db, { status: 'disabled' });
    const answer = await server.client().post('/api/v1/auth/password/forgot', { email: person.email });
    expect(answer.status).toBe(202);
    await server.runJobs();
    const tokens = await server.deps.db
      .selectFrom('one_time_tokens')
      .select('id')
      .where('user_id', '=', person.id)
      .execute();
    expect(tokens).toHaveLength(0);
    expect(catcher.messages.some((m) => addressesOf(m.to).includes(person.email))).toBe(false);
  });

  it('the e-mailed link sets a new password once, ends every session and sends a notice', async () => {
    const person = await createPerson(server.deps.db);
    const signedIn = server.client();
    await signedIn.signIn(person.email, DEFAULT_PASSWORD);
    const token = await resetLinkFor(person.email);
    const stored = await server.deps.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('user_id', '=', person.id)
      .where('purpose', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const reset = await server.client().post('/api/v1/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect((await signedIn.get('/api/v1/me')).status).toBe(401);
    const login = await server.client().post('/api/v1/auth/login', { email: person.email, password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    await mailTo(server.runJobs, catcher, person.email, /your password was reset/);
    expect((await auditEvents(server.deps.db, 'auth.password_reset')).some((e) => e.actor_id === person.id)).toBe(true);

    const again = await server
      .client()
      .post('/api/v1/auth/password/reset', { token, password: 'yet another passphrase 77' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('identity.invalid_token');
  });

  it('an expired link is refused with 400 identity.invalid_token and the password stays', async () => {
    const person = await createPerson(server.deps.db);
    const token = await resetLinkFor(person.email);
    await server.deps.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    const reset = await server.client().post('/api/v1/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(reset.status).toBe(400);
    expect(reset.body.code).toBe('identity.invalid_token');
    const login = await server.client().post('/api/v1/auth/login', { email: person.email, password: DEFAULT_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('asking again kills the previous link', async () => {
    const person = await createPerson(server.deps.db);
    const first = await resetLinkFor(person.email);
    catcher.clear();
    const second = await resetLinkFor(person.email);
    expect(second).not.toBe(first);
    expect(
      (await server.client().post('/api/v1/auth/password/reset', { token: first, password: NEW_PASSWORD })).status,
    ).toBe(400);
    expect(
      (await server.client().post('/api/v1/auth/password/reset', { token: second, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it('a weak password is refused without using up the link', async () => {
    const person = await createPerson(server.deps.db);
    const token = await resetLinkFor(person.email);
    const weak = await server.client().post('/api/v1/auth/password/reset', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('identity.weak_password');
    const strong = await server.client().post('/api/v1/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(strong.status).toBe(200);
  });
});
