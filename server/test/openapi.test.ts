import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/** The committed openapi.json is the API's reviewable surface: a change to a contract must show up in it. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('OpenAPI document', () => {
  it('the committed openapi.json matches the running server (regenerate with `npm run openapi`)', async () => {
    const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
    const served = (await server.client().get('/api/openapi.json')).body;
    expect(served).toEqual(committed);
  });
});
