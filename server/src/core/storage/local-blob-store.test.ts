import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StorageFullError } from './blob-store';
import { createLocalBlobStore } from './local-blob-store';
import { readAll, streamOf } from './storage.test-support';

const roots: string[] = [];
function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-local-'));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('local blob store', () => {
  it('a blob lands at blobs/ab/cd/<sha256> and nothing is left in the temporary folder', async () => {
    const root = newRoot();
    const store = await createLocalBlobStore({ root, masterKey: null });
    const { sha256 } = await store.put(streamOf(Buffer.from('signed contract')));
    expect(existsSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('opening the store removes temporary files older than an hour and keeps those still being written', async () => {
    const root = newRoot();
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'dead.part'), 'half an upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(root, 'tmp', 'dead.part'), twoHoursAgo, twoHoursAgo);
    writeFileSync(join(root, 'tmp', 'live.part'), 'an upload in progress');
    await createLocalBlobStore({ root, masterKey: null });
    expect(readdirSync(join(root, 'tmp'))).toEqual(['live.part']);
  });

  it('simultaneous puts of the same encrypted content all return the key of the one stored blob', async () => {
    const store = await createLocalBlobStore({ root: newRoot(), masterKey: randomBytes(32) });
    const content = randomBytes(300_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => store.put(streamOf(content))));
    expect(new Set(results.map((result) => result.wrappedKey)).size).toBe(1);
    for (const result of results) {
      expect((await readAll(await store.get(result.sha256, { wrappedKey: result.wrappedKey }))).equals(content)).toBe(
        true,
      );
    }
  });

  it('a 256 MiB file goes in and out with memory that does not grow with its size', async () => {
    const store = await createLocalBlobStore({ root: newRoot(), masterKey: randomBytes(32) });
    const piece = randomBytes(1 << 20);
    let sent = 0;
    const source = new Readable({
      read() {
        this.push(sent < 256 ? piece : null);
        sent += 1;
      },
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const { sha256, wrappedKey, size } = await store.put(source);
      expect(size).toBe(256 << 20);
      const hash = createHash('sha256');
      for await (const chunk of await store.get(sha256, { wrappedKey })) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(sha256);
    } finally {
      clearInterval(sampler);
    }
    // Holding the file would cost ≥ 256 MiB; streaming costs a few buffers plus whatever the GC has not reclaimed yet.
    expect(peak - before).toBeLessThan(128 << 20);
  });
});

describe('local blob store on a full disk', () => {
  let mountPoint: string;
  beforeAll(() => {
    mountPoint = mkdtempSync(join(tmpdir(), 'gatehouse-full-'));
    // A real 1 MiB filesystem: the kernel itself answers ENOSPC. Needs root, as `npm test` runs here.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
  });
  afterAll(() => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('a put larger than the free space fails with StorageFullError and leaves no temporary file', async () => {
    const store = await createLocalBlobStore({ root: mountPoint, masterKey: null });
    await expect(store.put(streamOf(randomBytes(3 << 20)))).rejects.toBeInstanceOf(StorageFullError);
    expect(readdirSync(join(mountPoint, 'tmp'))).toEqual([]);
    const listed: string[] = [];
    for await (const sha256 of store.list()) listed.push(sha256);
    expect(listed).toEqual([]);
    const small = await store.put(streamOf(Buffer.from('there is room again')));
    expect(await store.stat(small.sha256)).not.toBeNull();
  });
});
