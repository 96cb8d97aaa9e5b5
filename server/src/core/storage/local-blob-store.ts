import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  decrypted,
  decryptorFor,
  emptyStream,
  errorCode,
  existingWrappedKey,
  isStorageFull,
  plainSizeOf,
  READ_HIGH_WATER_MARK,
  sniffWrappedKey,
  writeStages,
} from './blob-pipeline';
import { BlobNotFoundError, type BlobStore, isBlobHash, StorageFullError } from './blob-store';
import { HEADER_LENGTH, planEncryptedRead, resolveRange } from './encryption';
import { FileRangeStream } from './file-range-stream';

/** Temporary files untouched for this long belong to a put that died (crash, kill -9): startup removes them. */
export const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * Blobs on local disk: ROOT/ab/cd/<sha256>, written through ROOT/tmp (same filesystem, so placing a finished file
 * is atomic). Opening it sweeps temporary files left by interrupted puts.
 */
export async function createLocalBlobStore(options: { root: string; masterKey: Buffer | null }): Promise<BlobStore> {
  const { root, masterKey } = options;
  const tmpDir = join(root, 'tmp');
  await mkdir(tmpDir, { recursive: true });

  const pathOf = (sha256: string) => {
    if (!isBlobHash(sha256)) throw new TypeError(`Not a blob hash: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  const store: BlobStore = {
    kind: 'local',

    async put(source, { maxBytes } = {}) {
      const { stages, result } = writeStages(masterKey, maxBytes);
      const temp = join(tmpDir, `${randomUUID()}.part`);
      try {
        await writeDurably(temp, [source, ...stages]);
        const written = result();
        const target = pathOf(written.sha256);
        await ensureDurableDir(dirname(target));
        const placed = await placeWithoutOverwriting(temp, target);
        // Also when the blob was already there: a concurrent put may have placed it without its fsync done yet.
        await fsyncDir(dirname(target));
        if (placed) return written;
        const wrappedKey = await existingWrappedKey({
          sha256: written.sha256,
          size: written.size,
          storedSize: (await stat(target)).size,
          readHead: () => readHead(target),
        });
        return { ...written, wrappedKey };
      } catch (error) {
        source.destroy();
        throw isStorageFull(error) ? new StorageFullError() : error;
      } finally {
        await rm(temp, { force: true });
      }
    },

    async get(sha256, { wrappedKey, start, end } = {}) {
      const path = pathOf(sha256);
      const info = await stat(path).catch((error) => {
        throw errorCode(error) === 'ENOENT' ? new BlobNotFoundError(sha256) : error;
      });
      const key =
        wrappedKey !== undefined ? wrappedKey : await sniffWrappedKey(masterKey, info.size, () => readHead(path));
      if (key === null) {
        const range = resolveRange(info.size, start, end);
        if (range.end < range.start) return emptyStream();
        return new FileRangeStream(path, range.start, range.end, READ_HIGH_WATER_MARK);
      }
      const plan = planEncryptedRead(info.size, start, end);
      const decryptor = decryptorFor(masterKey, key, plan);
      const stored = createReadStream(path, {
        start: plan.storedStart,
        end: plan.storedEnd,
        highWaterMark: READ_HIGH_WATER_MARK,
      });
      return decrypted(stored, decryptor);
    },

    async stat(sha256) {
      const path = pathOf(sha256);
      try {
        const info = await stat(path);
        return { size: await plainSizeOf(masterKey, info.size, () => readHead(path)), modifiedAt: info.mtime };
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw error;
      }
    },

    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },

    list: () => listBlobs(root),

    async sweepTemporary(olderThan) {
      let removed = 0;
      for (const name of await readdir(tmpDir)) {
        const path = join(tmpDir, name);
        const info = await lstat(path).catch(() => null);
        // mtime moves with every write, so a slow upload still in progress is never mistaken for a dead one.
        if (info && info.mtime < olderThan) {
          await rm(path, { force: true, recursive: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
  await store.sweepTemporary(new Date(Date.now() - STALE_TEMPORARY_MS));
  return store;
}

/** Streams into a new file; `flush` fsyncs it before it closes, and a failed fsync fails the pipeline (and the put). */
async function writeDurably(path: string, streams: Readable[]): Promise<void> {
  const sink = createWriteStream(path, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: READ_HIGH_WATER_MARK });
  await pipeline([...streams, sink]);
}

/**
 * Moves the finished temp file to its address unless a blob is already there (identical content, and for an
 * encrypted blob the stored key must stay the one already handed out). A hard link fails atomically on an
 * existing target, which a rename would silently replace; filesystems without hard links fall back to rename.
 */
async function placeWithoutOverwriting(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
  }
  if (await stat(target).catch(() => null)) return false;
  await rename(temp, target);
  return true;
}

/** A new directory is an entry in its parent: make each one created durable before a blob is placed inside. */
async function ensureDurableDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (!created) return;
  for (let current = dirname(dir); ; current = dirname(current)) {
    await fsyncDir(current);
    if (current === dirname(created) || current === dirname(current)) break;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_LENGTH);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_LENGTH, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const PREFIX = /^[0-9a-f]{2}$/;

async function* listBlobs(root: string): AsyncGenerator<string> {
  const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();
  for (const first of (await names(root)).filter((name) => PREFIX.test(name))) {
    for (const second of (await names(join(root, first))).filter((name) => PREFIX.test(name))) {
      for (const name of await names(join(root, first, second))) {
        if (isBlobHash(name) && name.startsWith(first + second)) yield name;
      }
    }
  }
}
