import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, encryptedSize } from '../src/core/storage/encryption';
import { startTestS3, type TestBucket, type TestS3 } from '../src/core/storage/storage.test-support';
import {
  type Cast,
  folderCreated,
  sha256,
  spaceWithCast,
  uploaded,
} from '../src/modules/documents/documents.test-helpers';
import { startTestServer, type TestServer, testDialect } from './harness';
import type { HttpClient } from './http-client';

/**
 * Files through the real HTTP API on the project's database (SQLite or PostgreSQL) with STORAGE=s3 against a real
 * S3-compatible server (s3rver, its own process, on loopback), in clear and encrypted at rest: every byte read back —
 * whole downloads, old versions, ranges, tus uploads, folder zips — has the SHA-256 of what was sent, and the bytes
 * live in the bucket, not on the server's disk. (SQLite + local disk is what the documents route tests run on.)
 */
const MiB = 1024 * 1024;
let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

function s3Settings(bucket: TestBucket, masterKey: string | null): Record<string, string> {
  const { options } = bucket;
  return {
    STORAGE: 's3',
    S3_ENDPOINT: options.endpoint ?? '',
    S3_REGION: options.region,
    S3_BUCKET: options.bucket,
    S3_ACCESS_KEY_ID: options.accessKeyId,
    S3_SECRET_ACCESS_KEY: options.secretAccessKey,
    S3_FORCE_PATH_STYLE: String(options.forcePathStyle),
    ...(masterKey ? { ENCRYPTION_MASTER_KEY: masterKey } : {}),
  };
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** One tus request with the client's session cookie and CSRF token, as tus-js-client sends them from the browser. */
async function tus(client: HttpClient, method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  const response = await fetch(`${client.baseUrl}${path}`, {
    method,
    headers: {
      'tus-resumable': '1.0.0',
      origin: client.baseUrl,
      cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'x-csrf-token': client.csrfToken ?? '',
      ...(body ? { 'content-type': 'application/offset+octet-stream' } : {}),
      ...headers,
    },
    body: body ? new Uint8Array(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

const variants = [
  { label: 'in clear', masterKey: null },
  { label: 'encrypted at rest', masterKey: randomBytes(32).toString('base64') },
];

for (const variant of variants) {
  describe(`file round trips on ${testDialect} + S3, ${variant.label}`, () => {
    let bucket: TestBucket;
    let server: TestServer;
    let cast: Cast;

    beforeAll(async () => {
      bucket = await s3.bucket();
      server = await startTestServer({ env: s3Settings(bucket, variant.masterKey) });
      cast = await spaceWithCast(server);
    });
    afterAll(async () => {
      await server?.close();
    });

    /** The bytes are one object `blobs/<sha256>` in the bucket, sealed when encryption is on, with a row saying so. */
    async function expectInBucket(bytes: Buffer) {
      const hash = sha256(bytes);
      expect(await bucket.keys()).toContain(`blobs/${hash}`);
      const stored = await bucket.read(`blobs/${hash}`);
      const row = await server.deps.db
        .selectFrom('blobs')
        .selectAll()
        .where('sha256', '=', hash)
        .executeTakeFirstOrThrow();
      expect(row.storage).toBe('s3');
      expect(Number(row.size)).toBe(bytes.length);
      if (variant.masterKey) {
        expect(stored.length).toBe(encryptedSize(bytes.length));
        expect(sha256(stored)).not.toBe(hash);
        if (bytes.length >= 32) expect(stored.includes(bytes.subarray(0, 32))).toBe(false);
        expect(row.wrapped_key).not.toBeNull();
      } else {
        expect(sha256(stored)).toBe(hash);
        expect(row.wrapped_key).toBeNull();
      }
    }

    /** Nothing of the files on the server's disk: only the SQLite database (PostgreSQL: nothing at all). */
    function expectNothingOnLocalDisk() {
      const files = filesUnder(server.dataDir).filter((file) => !/^gatehouse\.db(-wal|-shm|-journal)?$/.test(file));
      expect(files).toEqual([]);
    }

    async function downloadedHash(client: HttpClient, path: string, headers: Record<string, string> = {}) {
      const response = await client.getBytes(path, headers);
      expect(response.status, response.problem?.code).toBe(headers.range ? 206 : 200);
      return { hash: sha256(response.bytes), length: response.bytes.length, bytes: response.bytes };
    }

    it('multipart uploads of 0 B, 1 B, around the encryption chunk, 3 MiB and 9 MiB come back with the SHA-256 sent', async () => {
      const sizes = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * MiB + 17, 9 * MiB + 5];
      for (const size of sizes) {
        const bytes = randomBytes(size);
        const document = await uploaded(cast.contributor, cast.spaceId, `multipart-${size}.bin`, bytes);
        expect(document.size).toBe(size);
        const versions = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
        expect(versions.body.versions).toMatchObject([{ number: 1, sha256: sha256(bytes), size }]);
        const download = await downloadedHash(cast.viewer, `/api/v1/documents/${document.id}/content`);
        expect({ size, length: download.length, hash: download.hash }).toEqual({
          size,
          length: size,
          hash: sha256(bytes),
        });
        await expectInBucket(bytes);
      }
      expect((await bucket.keys()).filter((key) => key.startsWith('tmp/'))).toEqual([]);
      expectNothingOnLocalDisk();
    });

    it('a new version replaces the download, the old version and byte ranges of both still read back exactly', async () => {
      const first = randomBytes(2 * CHUNK_SIZE + 100);
      const second = randomBytes(5 * MiB + 3);
      const document = await uploaded(cast.contributor, cast.spaceId, 'Versions.bin', first);
      const next = await cast.contributor.upload(`/api/v1/documents/${document.id}/versions`, {}, 'v2.bin', second);
      expect(next.status, next.text).toBe(201);
      expect(next.body.document).toMatchObject({ version: 2, size: second.length });
      const content = `/api/v1/documents/${document.id}/content`;

      expect((await downloadedHash(cast.viewer, content)).hash).toBe(sha256(second));
      expect((await downloadedHash(cast.viewer, `${content}?version=1`)).hash).toBe(sha256(first));
      const ranges: [string, string, Buffer][] = [
        [content, `bytes=${CHUNK_SIZE - 10}-${CHUNK_SIZE + 9}`, second.subarray(CHUNK_SIZE - 10, CHUNK_SIZE + 10)],
        [content, `bytes=${3 * MiB}-${4 * MiB + 12_345}`, second.subarray(3 * MiB, 4 * MiB + 12_346)],
        [content, 'bytes=-100', second.subarray(second.length - 100)],
        [`${content}?version=1`, `bytes=${2 * CHUNK_SIZE}-`, first.subarray(2 * CHUNK_SIZE)],
        [`${content}?version=1`, 'bytes=0-0', first.subarray(0, 1)],
      ];
      for (const [path, range, expected] of ranges) {
        const read = await downloadedHash(cast.viewer, path, { range });
        expect({ range, length: read.length, hash: read.hash }).toEqual({
          range,
          length: expected.length,
          hash: sha256(expected),
        });
      }
      await expectInBucket(first);
      await expectInBucket(second);
      expectNothingOnLocalDisk();
    });

    it('a tus upload sent in three PATCHes is committed to the bucket and downloads with the SHA-256 sent', async () => {
      const bytes = randomBytes(2 * MiB + CHUNK_SIZE + 7);
      const created = await tus(cast.contributor, 'POST', `/api/v1/spaces/${cast.spaceId}/uploads`, {
        'upload-length': String(bytes.length),
        'upload-metadata': `filename ${Buffer.from('resumable.bin').toString('base64')}`,
      });
      expect(created.status, created.text).toBe(201);
      const location = created.headers.get('location') ?? '';
      const cuts = [0, MiB, 2 * MiB, bytes.length];
      let last = created;
      for (let i = 0; i < 3; i += 1) {
        const piece = bytes.subarray(cuts[i], cuts[i + 1]);
        last = await tus(cast.contributor, 'PATCH', location, { 'upload-offset': String(cuts[i]) }, piece);
        expect(last.status, last.text).toBe(i < 2 ? 204 : 200);
      }
      const document = JSON.parse(last.text).document as { id: string; size: number };
      expect(document.size).toBe(bytes.length);
      const download = await downloadedHash(cast.viewer, `/api/v1/documents/${document.id}/content`);
      expect(download.hash).toBe(sha256(bytes));
      await expectInBucket(bytes);
      // The partial file lives in DATA_DIR/tus only until the upload is committed.
      expectNothingOnLocalDisk();
    });

    it('a folder zip holds every file of the tree with the SHA-256 that was uploaded', async () => {
      const top = await folderCreated(cast.contributor, cast.spaceId, 'Data room');
      const inner = await folderCreated(cast.contributor, cast.spaceId, 'Scans', top.id);
      const files: [string, string, Buffer][] = [
        [top.id, 'Data room/empty.txt', Buffer.alloc(0)],
        [top.id, 'Data room/note.txt', Buffer.from('read me first')],
        [top.id, 'Data room/chunks.bin', randomBytes(3 * CHUNK_SIZE + 1)],
        [inner.id, 'Data room/Scans/scan.pdf', randomBytes(4 * MiB + 9)],
      ];
      for (const [folderId, path, bytes] of files) {
        await uploaded(cast.contributor, cast.spaceId, path.split('/').at(-1) ?? '', bytes, { folderId });
      }
      const response = await cast.viewer.getBytes(`/api/v1/folders/${top.id}/zip`);
      expect(response.status).toBe(200);
      const entries = unzipSync(new Uint8Array(response.bytes));
      const hashes = Object.fromEntries(
        Object.entries(entries)
          .filter(([name]) => !name.endsWith('/'))
          .map(([name, bytes]) => [name, sha256(bytes)]),
      );
      expect(hashes).toEqual(Object.fromEntries(files.map(([, path, bytes]) => [path, sha256(bytes)])));
      for (const [, , bytes] of files) await expectInBucket(bytes);
      expectNothingOnLocalDisk();
    });
  });
}
