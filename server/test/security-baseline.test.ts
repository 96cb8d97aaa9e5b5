import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostAdmin, DEFAULT_PASSWORD } from './factories';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
let adminEmail: string;

beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
  adminEmail = (await createHostAdmin(server.deps.db)).email;
});

afterAll(async () => {
  await server?.close();
});

describe('security baseline', () => {
  it('every response carries a strict CSP without unsafe-inline, frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const path of ['/', '/api/v1/setup', '/api/v1/me', '/healthz', '/no/such/page']) {
      const response = await server.client().get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('authenticated API answers are never stored by caches', async () => {
    const client = server.client();
    await client.signIn(adminEmail, DEFAULT_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('HSTS is sent only over HTTPS (here: behind a trusted proxy that says so)', async () => {
    const plain = await server.client().get('/healthz');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const viaProxy = await server.client().get('/healthz', { 'x-forwarded-proto': 'https' });
    expect(viaProxy.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('errors are problem+json with a stable code and no stack trace or SQL', async () => {
    const response = await server.client().get('/api/v1/spaces/not-a-uuid');
    expect(response.status).toBe(401);
    const missing = await server.client().get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, code: 'http.not_found', title: expect.any(String) });
    expect(missing.text).not.toMatch(/at .*\.ts:\d+|select |stack/i);
  });

  it('the OpenAPI document lists the API and the docs page is served', async () => {
    const spec = await server.client().get('/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/spaces/{id}/members']),
    );
    const docs = await server.client().get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('<html');
  });

  it('liveness and readiness answer, readiness checking the database', async () => {
    expect((await server.client().get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await server.client().get('/readyz')).body).toEqual({ status: 'ready', database: 'ok' });
  });
});

describe('built-in HTTPS', () => {
  let tls: TestServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = await startTestServer({ env: { TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') } });
  });

  afterAll(async () => {
    await tls?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with HSTS and a __Host- prefixed Secure session cookie', async () => {
    const admin = await createHostAdmin(tls.deps.db);
    const port = new URL(tls.url).port;
    const result = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const body = JSON.stringify({ email: admin.email, password: DEFAULT_PASSWORD });
        const req = httpsRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/auth/login',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(result.status).toBe(200);
    expect(result.headers['strict-transport-security']).toContain('max-age=');
    const cookie = (result.headers['set-cookie'] as string[]).join('\n');
    expect(cookie).toMatch(/^__Host-gatehouse_session=/m);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});
