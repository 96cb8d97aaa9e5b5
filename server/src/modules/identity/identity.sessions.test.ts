import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, DEFAULT_PASSWORD } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { auditEvents } from './identity.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function signedIn() {
  const person = await createPerson(server.deps.db);
  const client = server.client();
  await client.signIn(person.email, DEFAULT_PASSWORD);
  return { person, client };
}

describe('own sessions', () => {
  it('a person sees their open sessions with the current one flagged', async () => {
    const { person, client } = await signedIn();
    const other = server.client();
    await other.signIn(person.email, DEFAULT_PASSWORD);
    const list = await client.get('/api/v1/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.sessions[0]).toMatchObject({ ip: '127.0.0.1', userAgent: expect.any(String) });
    expect(list.body.sessions[0]).not.toHaveProperty('token_hash');
  });

  it('ending one of own sessions signs that browser out', async () => {
    const { person, client } = await signedIn();
    const other = server.client();
    await other.signIn(person.email, DEFAULT_PASSWORD);
    const list = await client.get('/api/v1/me/sessions');
    const target = list.body.sessions.find((s: { current: boolean }) => !s.current);
    const ended = await client.delete(`/api/v1/me/sessions/${target.id}`);
    expect(ended.status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await auditEvents(server.deps.db, 'auth.session_ended')).some((e) => e.target_id === target.id)).toBe(true);
  });

  it("someone else's session id answers 404 and their session stays open", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const bobSessions = await bob.client.get('/api/v1/me/sessions');
    const answer = await alice.client.delete(`/api/v1/me/sessions/${bobSessions.body.sessions[0].id}`);
    expect(answer.status).toBe(404);
    expect((await bob.client.get('/api/v1/me')).status).toBe(200);
  });

  it('ending every other session keeps only the current one', async () => {
    const { person, client } = await signedIn();
    const second = server.client();
    const third = server.client();
    await second.signIn(person.email, DEFAULT_PASSWORD);
    await third.signIn(person.email, DEFAULT_PASSWORD);
    expect((await client.post('/api/v1/me/sessions/end-others')).status).toBe(200);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await third.get('/api/v1/me')).status).toBe(401);
    const list = await client.get('/api/v1/me/sessions');
    expect(list.body.sessions).toHaveLength(1);
    expect(list.body.sessions[0].current).toBe(true);
  });
});

describe('API tokens', () => {
  it('a new token is shown once, listed by prefix only, and works as a Bearer credential on /me', async () => {
    const { person, client } = await signedIn();
    const created = await client.post('/api/v1/me/tokens', { name: 'CI export' });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^gh_[A-Za-z0-9_-]{40,}$/);
    expect(created.body.token).toMatchObject({ name: 'CI export', prefix: secret.slice(0, 10), expiresAt: null });

    const list = await client.get('/api/v1/me/tokens');
    expect(list.body.tokens).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const row = await server.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(secret);

    const api = server.client();
    api.bearer = secret;
    const me = await api.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: person.id, csrfToken: '' });
    expect((await auditEvents(server.deps.db, 'api_token.created')).some((e) => e.target_id === row.id)).toBe(true);
  });

  it('a revoked token stops working at once', async () => {
    const { client } = await signedIn();
    const created = await client.post('/api/v1/me/tokens', { name: 'Short-lived' });
    const api = server.client();
    api.bearer = created.body.secret;
    expect((await api.get('/api/v1/me')).status).toBe(200);
    expect((await client.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(200);
    expect((await api.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/api/v1/me/tokens')).body.tokens).toHaveLength(0);
    const events = await auditEvents(server.deps.db, 'api_token.revoked');
    expect(events.some((e) => e.target_id === created.body.token.id)).toBe(true);
  });

  it("someone else's token id answers 404 and their token keeps working", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const created = await bob.client.post('/api/v1/me/tokens', { name: 'Bob token' });
    const answer = await alice.client.delete(`/api/v1/me/tokens/${created.body.token.id}`);
    expect(answer.status).toBe(404);
    const api = server.client();
    api.bearer = created.body.secret;
    expect((await api.get('/api/v1/me')).status).toBe(200);
  });

  it('a token with an expiry stops working once it has passed, and a past expiry is refused', async () => {
    const { client } = await signedIn();
    const past = await client.post('/api/v1/me/tokens', { name: 'Past', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await client.post('/api/v1/me/tokens', { name: 'Tomorrow', expiresAt });
    expect(created.body.token.expiresAt).toBe(expiresAt);
    const api = server.client();
    api.bearer = created.body.secret;
    expect((await api.get('/api/v1/me')).status).toBe(200);
    await server.deps.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', created.body.token.id)
      .execute();
    expect((await api.get('/api/v1/me')).status).toBe(401);
  });

  it('an API token cannot mint more tokens or change the password', async () => {
    const { client } = await signedIn();
    const created = await client.post('/api/v1/me/tokens', { name: 'Automation' });
    const api = server.client();
    api.bearer = created.body.secret;
    const mint = await api.post('/api/v1/me/tokens', { name: 'Sneaky' });
    expect(mint.status).toBe(403);
    const change = await api.post('/api/v1/me/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'taken over by a token 99',
    });
    expect(change.status).toBe(403);
    expect((await client.get('/api/v1/me/tokens')).body.tokens).toHaveLength(1);
  });
});
