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
type Via = { kind: 'api'; spaceId: string; token: string } | { kind: 'webdav'; slug: string; basic: string };

function upload(via: Via, name: string, bytes: Buffer): Promise<{ status: number; body: string }> {
  return via.kind === 'api' ? uploadMultipart(via.spaceId, via.token, name, bytes) : putWebdav(via, name, bytes);
}

/** A WebDAV PUT, streamed in the same small slices as the multipart uploads. */
function putWebdav(via: Extract<Via, { kind: 'webdav' }>, name: string, bytes: Buffer) {
  const headers = { authorization: `Basic ${via.basic}`, 'content-length': bytes.length };
  return sendSliced(`${base}/dav/${via.slug}/${name}`, 'PUT', headers, Buffer.alloc(0), bytes, Buffer.alloc(0));
}

function uploadMultipart(spaceId: string, token: string, name: string, bytes: Buffer) {
  const boundary = `----crash${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return sendSliced(
    `${base}/api/v1/spaces/${spaceId}/documents`,
    'POST',
    {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + bytes.length + tail.length,
    },
    head,
    bytes,
    tail,
  );
}

function sendSliced(
  url: string,
  method: string,
  headers: Record<string, string | number>,
  head: Buffer,
  bytes: Buffer,
  tail: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers });
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
      setTimeout(pump, 4);
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
  for (const kind of ['api', 'webdav'] as const) {
    it(`SIGKILL during 50 concurrent ${kind === 'api' ? 'API uploads' : 'WebDAV PUTs'} loses no acknowledged upload and leaves nothing partial (seed ${seed})`, async () => {
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
        body: JSON.stringify({ name: `Crash test ${kind}`, kind: 'project' }),
      });
      const space = (await spaceResponse.json()).space as { id: string; slug: string };
      const spaceId = space.id;
      const via: Via =
        kind === 'api'
          ? { kind, spaceId, token }
          : { kind, slug: space.slug, basic: Buffer.from(`crash@example.test:${token}`).toString('base64') };

      const files = Array.from({ length: 50 }, (_, i) => {
        // Every fifth file is large enough (8 MB, sent in paced slices) to still be in flight when the kill lands.
        const bytes = randomBytes(i % 5 === 0 ? 8_000_000 : 20_000 + Math.floor(random() * 2_000_000));
        return {
          name: `upload-${String(i).padStart(2, '0')}.bin`,
          bytes,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        };
      });
      let answered = 0;
      const results = files.map((file) =>
        upload(via, file.name, file.bytes).then((outcome) => {
          answered += 1;
          return outcome;
        }),
      );
      // Kill at a random moment once some uploads were acknowledged, so both kinds are exercised.
      const threshold = 5 + Math.floor(random() * 15);
      while (answered < threshold) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 50)));
      await killServer();
      const outcomes = await Promise.all(results);
      const acknowledged = files.filter((_, i) => outcomes[i].status === 201 || outcomes[i].status === 204);

      await startServer();
      const listing = await (await fetch(`${base}/api/v1/spaces/${spaceId}/files`, { headers: bearer })).json();
      for (const file of acknowledged) {
        const listed = (listing.documents as { id: string; name: string }[]).find((d) => d.name === file.name);
        expect(listed, `${file.name} was acknowledged, so it must survive the crash`).toBeDefined();
        const content = Buffer.from(
          await (await fetch(`${base}/api/v1/documents/${listed?.id}/content`, { headers: bearer })).arrayBuffer(),
        );
        expect(createHash('sha256').update(content).digest('hex'), `${file.name} after the crash`).toBe(file.sha256);
      }
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
  }
});
