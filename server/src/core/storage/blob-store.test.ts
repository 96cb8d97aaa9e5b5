import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobIntegrityError, BlobNotFoundError, type BlobStore, BlobTooLargeError } from './blob-store';
import { CHUNK_SIZE, HEADER_LENGTH } from './encryption';
import { createLocalBlobStore } from './local-blob-store';
import { createS3BlobStore } from './s3-blob-store';
import { readAll, startTestS3, streamOf, type TestS3 } from './storage.test-support';

/** The same contract, run against each store: local and S3 (a real s3rver), each in clear and encrypted. */
type Opened = {
  store: BlobStore;
  /** Every stored file or object, temporary ones included: what a failed put must not leave behind. */
  leftovers: () => Promise<string[]>;
  readStored: (sha256: string) => Promise<Buffer>;
  writeStored: (sha256: string, bytes: Buffer) => Promise<void>;
};

let s3: TestS3;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  s3 = await startTestS3();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(async () => {
  await s3?.close();
});

async function openLocal(masterKey: Buffer | null): Promise<Opened> {
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-blobs-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return {
    store: await createLocalBlobStore({ root, masterKey }),
    leftovers: async () => walk(root),
    readStored: async (sha256) => readFileSync(pathOf(sha256)),
    writeStored: async (sha256, bytes) => writeFileSync(pathOf(sha256), bytes),
  };
}

async function openS3(masterKey: Buffer | null): Promise<Opened> {
  const bucket = await s3.bucket();
  return {
    store: createS3BlobStore({ ...bucket.options, masterKey, listPageSize: 2 }),
    leftovers: bucket.keys,
    readStored: (sha256) => bucket.read(`blobs/${sha256}`),
    writeStored: (sha256, bytes) => bucket.write(`blobs/${sha256}`, bytes),
  };
}

const variants = [
  { name: 'local disk', encrypted: false, open: () => openLocal(null) },
  { name: 'local disk, encrypted at rest', encrypted: true, open: () => openLocal(randomBytes(32)) },
  { name: 'S3', encrypted: false, open: () => openS3(null) },
  { name: 'S3, encrypted at rest', encrypted: true, open: () => openS3(randomBytes(32)) },
];

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A source that fails after sending `before` bytes, like an upload whose client disconnects. */
function failingSource(before: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= before) {
        this.destroy(new Error('client went away'));
        return;
      }
      sent += 64 * 1024;
      this.push(randomBytes(64 * 1024));
    },
  });
}

describe.each(variants)('blob store: $name', ({ encrypted, open }) => {
  it('a 1-byte file, an empty file and a 5 MiB file come back byte for byte under their SHA-256', async () => {
    const { store } = await open();
    for (const content of [randomBytes(1), Buffer.alloc(0), randomBytes(5 * 1024 * 1024 + 7)]) {
      const put = await store.put(streamOf(content));
      expect(put.sha256).toBe(sha256Of(content));
      expect(put.size).toBe(content.length);
      expect(put.wrappedKey !== null).toBe(encrypted);
      const back = await readAll(await store.get(put.sha256, { wrappedKey: put.wrappedKey }));
      expect(sha256Of(back)).toBe(put.sha256);
      expect((await store.stat(put.sha256))?.size).toBe(content.length);
    }
  });

  it('range reads return exactly the requested bytes, across chunk boundaries and at both ends', async () => {
    const { store } = await open();
    const content = randomBytes(3 * CHUNK_SIZE + 1234);
    const { sha256, wrappedKey } = await store.put(streamOf(content, 10_000));
    const last = content.length - 1;
    const ranges: [number, number | undefined][] = [
      [0, 0],
      [last, last],
      [CHUNK_SIZE - 1, CHUNK_SIZE],
      [CHUNK_SIZE - 5, 2 * CHUNK_SIZE + 5],
      [2 * CHUNK_SIZE, 3 * CHUNK_SIZE - 1],
      [100, undefined],
      [0, last],
    ];
    for (const [start, end] of ranges) {
      const part = await readAll(await store.get(sha256, { wrappedKey, start, end }));
      expect(part.equals(content.subarray(start, end === undefined ? undefined : end + 1))).toBe(true);
    }
    const clamped = await readAll(await store.get(sha256, { wrappedKey, start: last - 1, end: last + 1000 }));
    expect(clamped.equals(content.subarray(last - 1))).toBe(true);
    await expect(store.get(sha256, { wrappedKey, start: content.length })).rejects.toThrow(RangeError);
    await expect(store.get(sha256, { wrappedKey, start: 10, end: 5 })).rejects.toThrow(RangeError);
  });

  it('identical content is stored once, and every put of it returns a key that opens the stored blob', async () => {
    const { store, leftovers } = await open();
    const content = randomBytes(200_000);
    const first = await store.put(streamOf(content));
    const second = await store.put(streamOf(content));
    expect(second.sha256).toBe(first.sha256);
    expect(second.wrappedKey).toBe(first.wrappedKey);
    expect((await readAll(await store.get(second.sha256, { wrappedKey: second.wrappedKey }))).equals(content)).toBe(
      true,
    );
    expect(await leftovers()).toHaveLength(1);
  });

  it('a put beyond maxBytes is refused before the rest is read and leaves no temporary file or blob', async () => {
    const { store, leftovers } = await open();
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 7));
      },
    });
    await expect(store.put(endless, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(produced).toBeLessThan(4 * 1024 * 1024);
    expect(await leftovers()).toEqual([]);
  });

  it('a put whose source fails mid-stream is refused and leaves nothing behind', async () => {
    const { store, leftovers } = await open();
    await expect(store.put(failingSource(9 * 1024 * 1024))).rejects.toThrow('client went away');
    expect(await leftovers()).toEqual([]);
  });

  it('a deleted blob is gone: stat answers null and a read fails with BlobNotFoundError', async () => {
    const { store } = await open();
    const { sha256, wrappedKey } = await store.put(streamOf(randomBytes(10)));
    await store.delete(sha256);
    expect(await store.stat(sha256)).toBeNull();
    await expect(store.get(sha256, { wrappedKey })).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('listing pages through every blob, and without a row the store still knows how to read each one', async () => {
    const { store } = await open();
    const contents = Array.from({ length: 5 }, () => randomBytes(100));
    for (const content of contents) await store.put(streamOf(content));
    const listed: string[] = [];
    for await (const sha256 of store.list()) listed.push(sha256);
    expect(listed.sort()).toEqual(contents.map(sha256Of).sort());
    const back = await readAll(await store.get(sha256Of(contents[0])));
    expect(back.equals(contents[0])).toBe(true);
  });

  it(`the stored bytes are ${encrypted ? 'not' : 'exactly'} the plaintext`, async () => {
    const { store, readStored } = await open();
    const content = Buffer.from('Quarterly figures for the board: strictly confidential. '.repeat(50));
    const { sha256 } = await store.put(streamOf(content));
    const stored = await readStored(sha256);
    expect(stored.includes(Buffer.from('strictly confidential'))).toBe(!encrypted);
  });
});

describe.each(variants.filter((variant) => variant.encrypted))('encryption at rest: $name', ({ open }) => {
  it('tampering with one stored chunk fails the reads that need it while other ranges still decrypt', async () => {
    const { store, readStored, writeStored } = await open();
    const content = randomBytes(3 * CHUNK_SIZE);
    const { sha256, wrappedKey } = await store.put(streamOf(content));
    const stored = await readStored(sha256);
    stored[HEADER_LENGTH + (CHUNK_SIZE + 16) + 100] ^= 0x01;
    await writeStored(sha256, stored);

    const untouched = await readAll(await store.get(sha256, { wrappedKey, start: 0, end: CHUNK_SIZE - 1 }));
    expect(untouched.equals(content.subarray(0, CHUNK_SIZE))).toBe(true);
    await expect(readAll(await store.get(sha256, { wrappedKey }))).rejects.toBeInstanceOf(BlobIntegrityError);
    const middle = { wrappedKey, start: CHUNK_SIZE + 10, end: CHUNK_SIZE + 20 };
    await expect(readAll(await store.get(sha256, middle))).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('a blob cut short on a chunk boundary fails authentication instead of reading as a shorter file', async () => {
    const { store, readStored, writeStored } = await open();
    const content = randomBytes(2 * CHUNK_SIZE + 10);
    const { sha256, wrappedKey } = await store.put(streamOf(content));
    const stored = await readStored(sha256);
    await writeStored(sha256, stored.subarray(0, HEADER_LENGTH + 2 * (CHUNK_SIZE + 16)));
    await expect(readAll(await store.get(sha256, { wrappedKey }))).rejects.toBeInstanceOf(BlobIntegrityError);
  });
});
