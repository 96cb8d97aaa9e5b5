import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/src/core/db/database';
import { freePort, httpRequest, payload, settle, startChild } from './support';

const root = fileURLToPath(new URL('..', import.meta.url));

async function waitReady(base: string) {
  for (let i = 0; i < 300; i += 1) {
    const ok = await httpRequest(`${base}/readyz`, { method: 'GET' }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not become ready`);
}

/** A real Gatehouse process on a fresh data dir, with an admin, an API token and one space to work in. */
export async function startGatehouse(dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const email = 'bench@example.test';
  const password = 'measured not guessed 2026';
  const child = await startChild(process.execPath, [join(root, 'server/bin/gatehouse.mjs'), 'start'], {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    GATEHOUSE_ADMIN_EMAIL: email,
    GATEHOUSE_ADMIN_PASSWORD: password,
  });
  child.stdout?.resume();
  // A benchmark that fails half-way must not leave a server running (and indexing) in the background.
  process.on('exit', () => child.kill('SIGTERM'));
  await waitReady(base);
  const json = { 'content-type': 'application/json', origin: base };
  const login = await httpRequest(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const me = JSON.parse((await httpRequest(`${base}/api/v1/me`, { method: 'GET', headers: { cookie } })).body);
  const created = await httpRequest(`${base}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  const token = JSON.parse(created.body).secret as string;
  const auth = { authorization: `Bearer ${token}` };
  const space = JSON.parse(
    (
      await httpRequest(`${base}/api/v1/spaces`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({ name: 'Bench', kind: 'project' }),
      })
    ).body,
  ).space as { id: string; slug: string };
  return {
    base,
    pid: child.pid as number,
    json,
    auth,
    basic: { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` },
    space,
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * The ceiling: a bare Node.js server on the same disk doing only the essential work (hash + fsync before answering
 * an upload, 1 MiB read chunks for a download). Returns the upload and download times of `bytes` bytes.
 */
export async function measureBaseline(workDir: string, bytes: number) {
  const dir = join(workDir, 'baseline');
  mkdirSync(dir, { recursive: true });
  const child = await startChild(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/baseline-server.ts'), dir],
    {},
  );
  const port = await new Promise<number>((resolve) =>
    child.stdout?.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await settle();
    let started = performance.now();
    const up = await httpRequest(`${base}/file`, {
      method: 'PUT',
      headers: { 'content-length': bytes },
      body: payload(bytes),
    });
    const uploadMs = performance.now() - started;
    const { sha256 } = JSON.parse(up.body);
    await settle();
    started = performance.now();
    const down = await httpRequest(`${base}/file/${sha256}`, { method: 'GET' });
    const downloadMs = performance.now() - started;
    if (down.bytes !== bytes) throw new Error('baseline download size mismatch');
    return { uploadMs, downloadMs };
  } finally {
    child.kill();
  }
}

/**
 * Waits until the server's job queue is empty (search indexing, notifications and thumbnails of what was just
 * uploaded), so that latencies are measured on a server at rest rather than beside thousands of background jobs.
 */
export async function waitForIdleJobs(dataDir: string, timeoutMs = 10 * 60_000): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', file: join(dataDir, 'gatehouse.db') });
  const started = performance.now();
  try {
    for (;;) {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${row.n} jobs still queued after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await db.destroy();
  }
}
