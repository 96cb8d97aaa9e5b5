import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId } from '../src/core/ids';
import { createHostAdmin, createOrganization, createPerson, DEFAULT_PASSWORD } from './factories';
import { startTestServer, type TestServer, testDialect } from './harness';

/**
 * Two Gatehouse instances share one database (PostgreSQL, or one SQLite file on the embedded default). Disabling on
 * instance A must refuse the person's session and API token on instance B at the very next request.
 */
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer(
    testDialect === 'postgres' ? { databaseUrl: a.databaseUrl as string } : { dataDir: a.dataDir },
  );
});

afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function personWithCredentials(organizationId: string) {
  const person = await createPerson(a.deps.db, { organizationId });
  const onB = b.client();
  await onB.signIn(person.email, DEFAULT_PASSWORD);
  const secret = `gh_${newId().replace(/-/g, '')}`;
  await a.deps.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      user_id: person.id,
      name: 'cli',
      prefix: secret.slice(0, 10),
      token_hash: hashToken(secret),
      created_at: new Date().toISOString(),
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  const tokenOnB = b.client();
  tokenOnB.bearer = secret;
  return { person, onB, tokenOnB };
}

describe(`revocation across instances (${testDialect})`, () => {
  it('both instances really share the data', async () => {
    const org = await createOrganization(b.deps.db, { name: `Shared ${Date.now()}` });
    const row = await a.deps.db.selectFrom('organizations').select('name').where('id', '=', org.id).executeTakeFirst();
    expect(row?.name).toBe(org.name);
  });

  it('disabling a person on instance A refuses their session and their token on instance B at once', async () => {
    const org = await createOrganization(a.deps.db, { kind: 'supplier' });
    const { person, onB, tokenOnB } = await personWithCredentials(org.id);
    expect((await onB.get('/api/v1/me')).status).toBe(200);
    expect((await tokenOnB.get('/api/v1/me')).status).toBe(200);

    const admin = await createHostAdmin(a.deps.db);
    const adminOnA = a.client();
    await adminOnA.signIn(admin.email, DEFAULT_PASSWORD);
    expect((await adminOnA.post(`/api/v1/people/${person.id}/disable`)).status).toBe(200);

    expect((await onB.get('/api/v1/me')).status).toBe(401);
    expect((await tokenOnB.get('/api/v1/me')).status).toBe(401);
    expect((await onB.get('/api/v1/spaces')).status).toBe(401);
  });

  it('disabling a whole organization on instance A refuses every session and token of its people on instance B', async () => {
    const org = await createOrganization(a.deps.db, { kind: 'customer' });
    const first = await personWithCredentials(org.id);
    const second = await personWithCredentials(org.id);
    const admin = await createHostAdmin(a.deps.db);
    const adminOnA = a.client();
    await adminOnA.signIn(admin.email, DEFAULT_PASSWORD);
    expect((await adminOnA.post(`/api/v1/organizations/${org.id}/disable`)).status).toBe(200);

    for (const { onB, tokenOnB } of [first, second]) {
      expect((await onB.get('/api/v1/me')).status).toBe(401);
      expect((await tokenOnB.get('/api/v1/me')).status).toBe(401);
    }
    // Signing in again is refused too while the organization is disabled.
    const retry = b.client();
    const login = await retry.post('/api/v1/auth/login', { email: first.person.email, password: DEFAULT_PASSWORD });
    expect(login.status).toBe(401);
  });
});
