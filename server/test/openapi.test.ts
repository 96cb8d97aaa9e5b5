import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleOfRoute, routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { startTestServer, type TestServer } from './harness';

/** The committed openapi.json is the API's reviewable surface: a change to a contract must show up in it. */
let server: TestServer;
let document: { paths: Record<string, Record<string, { tags?: string[] }>> };

beforeAll(async () => {
  server = await startTestServer();
  document = (await server.client().get('/api/openapi.json')).body;
});

afterAll(async () => {
  await server?.close();
});

/** Fastify writes `:id` as `{id}` in the OpenAPI document. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('the committed openapi.json matches the running server (regenerate with `npm run openapi`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
    expect(document).toEqual(committed);
  });

  it('every API operation is grouped under the module that declares its contract', () => {
    // @fastify/swagger leaves HEAD routes out of the document (tus's offset probe is the only HEAD contract).
    const documented = Object.entries(routes).filter(([, contract]) => contract.method !== 'HEAD');
    expect(documented.length).toBeGreaterThan(50);
    for (const [name, contract] of documented) {
      const operation = document.paths[openApiPath(contract.path)]?.[contract.method.toLowerCase()];
      expect(operation, `${name}: ${contract.method} ${contract.path}`).toBeDefined();
      expect(operation.tags, name).toEqual([moduleOfRoute(contract)]);
    }
  });

  it("the web app's catch-all route is not documented as an API operation", () => {
    expect(Object.keys(document.paths)).not.toContain('/{*}');
    expect(Object.keys(document.paths).filter((path) => path.includes('*') && !path.startsWith('/dav'))).toEqual([]);
  });
});

describe('unknown addresses under /api', () => {
  let app: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    // A built shell, so a 404 proves the API prefix is refused rather than the app being missing.
    webDist = mkdtempSync(join(tmpdir(), 'gatehouse-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Gatehouse</title>');
    app = await buildApp(server.deps, { webDist, logger: false });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('an unknown API address answers a 404 problem, never the web app page', async () => {
    for (const url of ['/api/v1/nope', '/api/whatever', '/api', '/api/v1/spaces/x/nope?y=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
      expect(response.json().code, url).toBe('http.not_found');
    }
  });

  it('an unknown API address with another method answers the same 404 problem', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/nope', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('http.not_found');
  });

  it('a deep link of the web app still answers the app page', async () => {
    const response = await app.inject({ method: 'GET', url: '/spaces/some-space' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Gatehouse</title>');
  });
});
