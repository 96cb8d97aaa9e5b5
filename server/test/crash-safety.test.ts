import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDialect } from './dialect';
import { createTestDatabase, getFreePort } from './support/postgres';

/**
 * 50 concurrent uploads, the server killed with SIGKILL at a random moment, then restarted on the same data: every
 * upload that got a success answer is there with the right bytes, nothing partial is visible, `gatehouse fsck` is
 * clean. The moment is random; the seed is printed so a failure can be replayed (CRASH_SEED=…).
 */
const bin = fileURLToPath(new URL('../bin/gatehouse.mjs', import.meta.url));
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
let state = seed;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};

let dir: string;
let env: Record<string, string>;
let database: { url: string; drop: () => Promise<void> } | null = null;
let server: ChildProcess | null = null;
let base = '';

async function startServer() {
  server = spawn(process.execPath, [bin, 'start'], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
  for (let i = 0; i < 200; i += 1) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not start');
}

function killServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** One multipart upload streamed in small slices, so a kill lands in the middle of some of them. */
function upload(
  spaceId: string,
  token: string,
  name: string,
  bytes: Buffer,
): Promise<{ status: number; body: string }> {
  const boundary = `----crash${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve) => {
    const req = request(`${base}/api/v1/spaces/${spaceId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + bytes.length + tail.length,
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.write(head);
    let offset = 0;
    const slice = 64 * 1024;
    const pump = () => {
      if (req.destroyed) return;
      if (offset >= bytes.length) {
        req.end(tail);
        return;
      }
      req.write(bytes.subarray(offset, offset + slice));
      offset += slice;
      setTimeout(pump, 2);
    };
    pump();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-crash-'));
  database = testDialect === 'postgres' ? await createTestDatabase(inject('pgAdminUrl')) : null;
  const port = await getFreePort();
  base = `http://127.0.0.1:${port}`;
  env = {
    DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'crash-test-secret-key-crash-test-secret-key',
    GATEHOUSE_ADMIN_EMAIL: 'crash@example.test',
    GATEHOUSE_ADMIN_PASSWORD: 'nothing acknowledged is lost 2026',
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
});

afterAll(async () => {
  await killServer();
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

describe(`crash safety of uploads (${testDialect})`, () => {
  it(`SIGKILL during 50 concurrent uploads loses no acknowledged upload and leaves nothing partial (seed ${seed})`, async () => {
    await startServer();
    const json = { 'content-type': 'application/json', origin: base };
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'crash@example.test', password: 'nothing acknowledged is lost 2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json();
    const created = await fetch(`${base}/api/v1/me/tokens`, {
      method: 'POST',
      headers: { ...json, cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'crash test' }),
    });
    const token = (await created.json()).secret as string;
    const bearer = { authorization: `Bearer ${token}` };
    const spaceResponse = await fetch(`${base}/api/v1/spaces`, {
      method: 'POST',
      headers: { ...json, ...bearer },
      body: JSON.stringify({ name: 'Crash test', kind: 'project' }),
    });
    const spaceId = (await spaceResponse.json()).space.id as string;

    const files = Array.from({ length: 50 }, (_, i) => {
      const bytes = randomBytes(20_000 + Math.floor(random() * 3_000_000));
      return {
        name: `upload-${String(i).padStart(2, '0')}.bin`,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    });
    let answered = 0;
    const results = files.map((file) =>
      upload(spaceId, token, file.name, file.bytes).then((outcome) => {
        answered += 1;
        return outcome;
      }),
    );
    // Kill at a random moment once some uploads were acknowledged, so both kinds are exercised.
    const threshold = 5 + Math.floor(random() * 20);
    while (answered < threshold) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 200)));
    await killServer();
    const outcomes = await Promise.all(results);
    const acknowledged = files.filter((_, i) => outcomes[i].status === 201);

    await startServer();
    for (const file of acknowledged) {
      const documentId = JSON.parse(outcomes[files.indexOf(file)].body).document.id;
      const content = Buffer.from(
        await (await fetch(`${base}/api/v1/documents/${documentId}/content`, { headers: bearer })).arrayBuffer(),
      );
      expect(createHash('sha256').update(content).digest('hex'), `${file.name} after the crash`).toBe(file.sha256);
    }
    const listing = await (await fetch(`${base}/api/v1/spaces/${spaceId}/files`, { headers: bearer })).json();
    for (const document of listing.documents as { id: string; name: string; size: number }[]) {
      const file = files.find((f) => f.name === document.name);
      expect(file, `unexpected document ${document.name}`).toBeDefined();
      expect(document.size).toBe(file?.bytes.length);
      const content = Buffer.from(
        await (await fetch(`${base}/api/v1/documents/${document.id}/content`, { headers: bearer })).arrayBuffer(),
      );
      expect(createHash('sha256').update(content).digest('hex'), `${document.name} is complete`).toBe(file?.sha256);
    }
    expect(listing.documents.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.length).toBeLessThan(50);
    await killServer();

    const fsck = spawnSync(process.execPath, [bin, 'fsck'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
      timeout: 120_000,
    });
    expect(fsck.stderr).toBe('');
    expect(fsck.status).toBe(0);
    console.log(
      `crash seed ${seed}: ${acknowledged.length} of 50 uploads acknowledged before the kill, ${listing.documents.length} visible after restart`,
    );
  }, 240_000);
});
