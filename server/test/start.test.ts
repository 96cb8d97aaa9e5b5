import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { testDialect } from './dialect';
import { createTestDatabase, getFreePort } from './support/postgres';

/** `gatehouse start` as a real process: first-run setup link or admin from the environment, graceful SIGTERM. */
const bin = fileURLToPath(new URL('../bin/gatehouse.mjs', import.meta.url));
const running: { child: ChildProcess; dir: string; drop?: () => Promise<void> }[] = [];

afterEach(async () => {
  for (const { child, dir, drop } of running.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    await drop?.();
  }
});

async function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-start-'));
  const port = await getFreePort();
  const database = testDialect === 'postgres' ? await createTestDatabase(inject('pgAdminUrl')) : null;
  const child = spawn(process.execPath, [bin, 'start'], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push({ child, dir, drop: database?.drop });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, output: () => output };
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become ready: ${output}`);
}

describe(`gatehouse start (${testDialect})`, () => {
  it('a first start without an admin prints a one-time setup link that creates the first admin, and no default account exists', async () => {
    const server = await start({});
    await new Promise((resolve) => setTimeout(resolve, 200));
    const match = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output());
    expect(match).not.toBeNull();
    const status = await fetch(`${server.base}/api/v1/setup`).then((r) => r.json());
    expect(status).toEqual({ setupRequired: true });
    const guess = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.test', password: 'admin' }),
    });
    expect(guess.status).toBe(401);
    const setup = await fetch(`${server.base}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: match?.[1],
        email: 'owner@example.test',
        name: 'First Admin',
        password: 'first admin passphrase 2026',
      }),
    });
    expect(setup.status).toBe(200);
    expect(await fetch(`${server.base}/api/v1/setup`).then((r) => r.json())).toEqual({ setupRequired: false });
  });

  it('GATEHOUSE_ADMIN_EMAIL and _PASSWORD create the first admin, and SIGTERM stops the server cleanly', async () => {
    const server = await start({
      GATEHOUSE_ADMIN_EMAIL: 'boss@example.test',
      GATEHOUSE_ADMIN_PASSWORD: 'the chief passphrase 2026',
    });
    const login = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.test', password: 'the chief passphrase 2026' }),
    });
    expect(login.status).toBe(200);
    expect(server.output()).not.toContain('/setup/');
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
