import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/core/config/config';
import { type RunningServer, startServer } from '../src/server';
import { testDialect } from './dialect';
import { DEFAULT_PASSWORD } from './factories';
import { HttpClient } from './http-client';
import { createTestDatabase } from './support/postgres';

const bin = fileURLToPath(new URL('../bin/gatehouse.mjs', import.meta.url));
let dir: string;
let database: { url: string; drop: () => Promise<void> } | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-seed-'));
  database = testDialect === 'postgres' ? await createTestDatabase(inject('pgAdminUrl')) : null;
  env = { DATA_DIR: dir, LOG_LEVEL: 'silent', ...(database ? { DATABASE_URL: database.url } : {}) };
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

const seed = () =>
  spawnSync(process.execPath, [bin, 'seed'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
  });

describe(`npm run seed (${testDialect})`, () => {
  it('fills a fresh data dir with a demo extranet whose people can sign in and see their spaces', async () => {
    const result = seed();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('claire@acme.test');
    let server: RunningServer | null = null;
    try {
      server = await startServer(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }), { runJobs: false });
      const claire = new HttpClient(server.url);
      await claire.signIn('claire@acme.test', DEFAULT_PASSWORD);
      const spaces = await claire.get('/api/v1/spaces');
      const names = spaces.body.spaces.map((s: { name: string }) => s.name).sort();
      expect(names).toEqual(['Acme — client space', 'Partner network', 'Website relaunch']);
      const admin = new HttpClient(server.url);
      await admin.signIn('admin@gatehouse.test', DEFAULT_PASSWORD);
      const kinds = new Set((await admin.get('/api/v1/spaces')).body.spaces.map((s: { kind: string }) => s.kind));
      expect(kinds.size).toBe(7);
    } finally {
      await server?.stop();
    }
  });

  it('refuses to seed a data dir that already has people', () => {
    const again = seed();
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('already has people');
  });
});
