import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, DEFAULT_PASSWORD } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';

const WINDOW_MINUTES = 15;
let server: TestServer;
let addressCounter = 0;

beforeAll(async () => {
  // Behind a trusted proxy each test can come from its own address, so per-address counts do not leak between tests.
  server = await startTestServer({
    env: {
      TRUST_PROXY: 'true',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '6',
      LOGIN_WINDOW_MINUTES: String(WINDOW_MINUTES),
    },
  });
});
afterAll(async () => {
  await server?.close();
});

function newAddress() {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}

function login(client: HttpClient, address: string, email: string, password: string) {
  return client.request('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': address },
  });
}

async function fail(times: number, address: string, email: string) {
  for (let i = 0; i < times; i += 1) {
    const answer = await login(server.client(), address, email, `wrong password number ${i}`);
    expect(answer.status).toBe(401);
  }
}

/** Moves every failure of the key back in time, as if the minutes had passed. */
async function ageFailures(key: string, minutes: number) {
  const rows = await server.deps.db.selectFrom('login_failures').select(['id', 'at']).where('key', '=', key).execute();
  for (const row of rows) {
    const at = new Date(Date.parse(row.at) - minutes * 60_000).toISOString();
    await server.deps.db.updateTable('login_failures').set({ at }).where('id', '=', row.id).execute();
  }
}

describe('brute-force throttling', () => {
  it('after 3 failures the account answers 429 with Retry-After, even to the right password', async () => {
    const person = await createPerson(server.deps.db);
    const address = newAddress();
    await fail(3, address, person.email);
    const blocked = await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('http.too_many_requests');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(WINDOW_MINUTES * 60 - 30);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MINUTES * 60);
    expect(blocked.headers.getSetCookie()).toEqual([]);
  });

  it('the throttled answer for an unknown e-mail is the same as for a real account', async () => {
    const person = await createPerson(server.deps.db);
    await fail(3, newAddress(), person.email);
    await fail(3, newAddress(), 'nobody-at-all@example.test');
    const real = await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD);
    const unknown = await login(server.client(), newAddress(), 'nobody-at-all@example.test', DEFAULT_PASSWORD);
    expect(real.status).toBe(429);
    expect(unknown.status).toBe(429);
    expect(unknown.body).toEqual(real.body);
  });

  it('Retry-After counts the seconds until the oldest failure leaves the window', async () => {
    const person = await createPerson(server.deps.db);
    await fail(3, newAddress(), person.email);
    await ageFailures(`account:${person.email}`, WINDOW_MINUTES - 2);
    const blocked = await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(90);
    expect(retryAfter).toBeLessThanOrEqual(120);
  });

  it('once the failures have left the window, the right password works again', async () => {
    const person = await createPerson(server.deps.db);
    await fail(3, newAddress(), person.email);
    expect((await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD)).status).toBe(429);
    await ageFailures(`account:${person.email}`, WINDOW_MINUTES + 1);
    const again = await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD);
    expect(again.status).toBe(200);
  });

  it('a successful sign-in forgives the account its earlier failures', async () => {
    const person = await createPerson(server.deps.db);
    await fail(2, newAddress(), person.email);
    expect((await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD)).status).toBe(200);
    await fail(2, newAddress(), person.email);
    expect((await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD)).status).toBe(200);
    const rows = await server.deps.db
      .selectFrom('login_failures')
      .select('id')
      .where('key', '=', `account:${person.email}`)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('one address guessing many accounts is throttled per address', async () => {
    const address = newAddress();
    for (let i = 0; i < 6; i += 1) {
      const answer = await login(server.client(), address, `spray-${i}-${address}@example.test`, 'Summer2024!!xx');
      expect(answer.status).toBe(401);
    }
    const person = await createPerson(server.deps.db);
    const blocked = await login(server.client(), address, person.email, DEFAULT_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await login(server.client(), newAddress(), person.email, DEFAULT_PASSWORD);
    expect(elsewhere.status).toBe(200);
  });

  it('failed sign-ins are counted in the database under the account and the address', async () => {
    const person = await createPerson(server.deps.db);
    const address = newAddress();
    await fail(1, address, person.email);
    const keys = await server.deps.db
      .selectFrom('login_failures')
      .select('key')
      .where('key', 'in', [`account:${person.email}`, `ip:${address}`])
      .execute();
    expect(keys.map((k) => k.key).sort()).toEqual([`account:${person.email}`, `ip:${address}`].sort());
  });
});
