import { randomUUID } from 'node:crypto';
import { type RouteName, routes } from '@gatehouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostAdmin, createOrganization, createPerson, DEFAULT_PASSWORD } from './factories';
import { startTestServer, type TestServer } from './harness';
import type { HttpClient, HttpResponse } from './http-client';
import { fillPath, sampleBody } from './samples';

/**
 * Hostile and clumsy input on every route, anonymous and as a host admin: the server must answer every one of them
 * with a 2xx or a problem+json 4xx — never a 5xx.
 */
let server: TestServer;
let admin: HttpClient;
let adminEmail: string;
const ids = { organizationId: '', personId: '' };

beforeAll(async () => {
  server = await startTestServer({
    env: { LOGIN_MAX_FAILURES_PER_IP: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000' },
  });
  const person = await createHostAdmin(server.deps.db);
  adminEmail = person.email;
  const org = await createOrganization(server.deps.db);
  const someone = await createPerson(server.deps.db, { organizationId: org.id });
  Object.assign(ids, { organizationId: org.id, personId: someone.id });
  admin = server.client();
  await admin.signIn(adminEmail, DEFAULT_PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

const huge = 'x'.repeat(100_000);

type Variant = { label: string; path: string; raw?: string; body?: unknown; contentType?: string };

function variants(name: RouteName, contract: (typeof routes)[RouteName]): Variant[] {
  const goodPath = fillPath(contract.path, { id: randomUUID(), memberId: randomUUID(), token: 'x'.repeat(43) });
  const list: Variant[] = [];
  for (const param of ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(1000), '%00', '\u202e.exe']) {
    if (contract.path.includes(':')) {
      list.push({
        label: `param ${param.slice(0, 20)}`,
        path: fillPath(contract.path, { id: param, memberId: param, token: param }),
      });
    }
  }
  list.push({
    label: 'unknown query keys and bad numbers',
    path: `${goodPath}?limit=abc&before=-1&from=yesterday&zzz=1`,
  });
  if (contract.method === 'GET' || contract.method === 'HEAD' || contract.method === 'DELETE') return list;
  const sample = (sampleBody(name, ids) ?? {}) as Record<string, unknown>;
  list.push(
    { label: 'invalid JSON', path: goodPath, raw: '{"email": ', contentType: 'application/json' },
    { label: 'empty JSON body', path: goodPath, raw: '', contentType: 'application/json' },
    { label: 'text/plain body', path: goodPath, raw: 'hello', contentType: 'text/plain' },
    { label: 'form-encoded body', path: goodPath, raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'JSON array', path: goodPath, body: [] },
    { label: 'JSON string', path: goodPath, body: 'just a string' },
    { label: 'extra key', path: goodPath, body: { ...sample, unexpected: true } },
    { label: 'over the body limit', path: goodPath, body: { blob: 'y'.repeat(2 * 1024 * 1024) } },
    {
      label: 'prototype pollution keys',
      path: goodPath,
      raw: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {}}}',
      contentType: 'application/json',
    },
  );
  for (const key of Object.keys(sample)) {
    for (const value of [12345, [], {}, null, true, huge, '', '\u0000', '<script>alert(1)</script>']) {
      list.push({
        label: `${key} = ${JSON.stringify(value).slice(0, 20)}`,
        path: goodPath,
        body: { ...sample, [key]: value },
      });
    }
    const { [key]: _missing, ...rest } = sample;
    list.push({ label: `missing ${key}`, path: goodPath, body: rest });
  }
  return list;
}

async function send(client: HttpClient, method: string, variant: Variant): Promise<HttpResponse> {
  if (variant.raw !== undefined) {
    return client.request(method, variant.path, {
      rawBody: variant.raw,
      headers: { 'content-type': variant.contentType ?? 'application/json' },
    });
  }
  return client.request(method, variant.path, variant.body === undefined ? {} : { body: variant.body });
}

describe('malformed input on every route: no 5xx, every 4xx is problem+json', () => {
  for (const [name, contract] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    it(`${contract.method} ${contract.path}`, async () => {
      const failures: string[] = [];
      for (const variant of variants(name, contract)) {
        for (const [who, client] of [
          ['anonymous', server.client()],
          ['admin', admin],
        ] as const) {
          if (who === 'admin' && (await admin.get('/api/v1/me')).status === 401)
            await admin.signIn(adminEmail, DEFAULT_PASSWORD);
          const response = await send(client, contract.method, variant);
          const type = response.headers.get('content-type') ?? '';
          if (response.status >= 500)
            failures.push(`${who} ${variant.label}: ${response.status} ${response.text.slice(0, 200)}`);
          else if (response.status >= 400 && !type.includes('application/problem+json')) {
            failures.push(`${who} ${variant.label}: ${response.status} with content-type ${type}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
