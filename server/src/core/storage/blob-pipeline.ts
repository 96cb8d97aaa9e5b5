import { createHash } from 'node:crypto';
import { PassThrough, pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { BlobIntegrityError, BlobTooLargeError, type PutResult } from './blob-store';
import {
  createDecryptor,
  createEncryptor,
  type EncryptedRead,
  encryptedSize,
  plaintextSize,
  readHeader,
  unwrapDataKey,
} from './encryption';

/** What both stores share between the caller's stream and their own bytes: hashing, size limit, encryption. */

/** Reads are served in 1 MiB pieces: few system calls, and memory stays flat whatever the file size. */
export const READ_HIGH_WATER_MARK = 1 << 20;

/**
 * The stages a put pipes the caller's stream through: hash and count the plaintext (failing as soon as it passes
 * `maxBytes`, so the rest is never read), then encrypt when a master key is set. `result` is valid once they end.
 */
export function writeStages(masterKey: Buffer | null, maxBytes?: number) {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    // Large buffers on both sides: the default 16 KiB would hand the file to the disk in small pieces.
    highWaterMark: READ_HIGH_WATER_MARK,
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        done(new BlobTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const encryptor = masterKey ? createEncryptor(masterKey) : null;
  return {
    stages: encryptor ? [meter, encryptor.stream] : [meter],
    result: (): PutResult => ({ sha256: hash.digest('hex'), size, wrappedKey: encryptor?.wrappedKey ?? null }),
  };
}

/**
 * The wrapped key to hand back when identical content is already stored: that blob's own, never the one just made.
 * Told apart by size — a blob stored in clear is exactly `size` bytes, an encrypted one exactly `encryptedSize(size)`
 * — so a file whose content merely begins like an encryption header is never taken for one.
 */
export async function existingWrappedKey(args: {
  sha256: string;
  size: number;
  storedSize: number;
  readHead: () => Promise<Buffer>;
}): Promise<string | null> {
  if (args.storedSize === args.size) return null;
  if (args.storedSize === encryptedSize(args.size)) {
    const wrappedKey = readHeader(await args.readHead());
    if (wrappedKey) return wrappedKey;
  }
  throw new BlobIntegrityError(
    `Blob ${args.sha256} is already stored with a size (${args.storedSize}) its content cannot have: run gatehouse fsck`,
  );
}

/**
 * Whether a stored blob is encrypted, when no row says so: its header must hold a key that the master key opens
 * (an authenticated check, so plaintext cannot pass for it). Without a master key every blob reads as stored.
 */
export async function sniffWrappedKey(
  masterKey: Buffer | null,
  storedSize: number,
  readHead: () => Promise<Buffer>,
): Promise<string | null> {
  if (!masterKey || storedSize < encryptedSize(0)) return null;
  const wrappedKey = readHeader(await readHead());
  if (!wrappedKey) return null;
  try {
    unwrapDataKey(masterKey, wrappedKey);
    plaintextSize(storedSize);
    return wrappedKey;
  } catch {
    return null;
  }
}

/** The plaintext size of a stored blob, reading its header only when encryption is configured. */
export async function plainSizeOf(
  masterKey: Buffer | null,
  storedSize: number,
  readHead: () => Promise<Buffer>,
): Promise<number> {
  const wrappedKey = await sniffWrappedKey(masterKey, storedSize, readHead);
  return wrappedKey ? plaintextSize(storedSize) : storedSize;
}

/** A decryptor for `plan`, or a clear error when the master key needed for it is not configured. */
export function decryptorFor(masterKey: Buffer | null, wrappedKey: string, plan: EncryptedRead): Transform {
  if (!masterKey) throw new BlobIntegrityError('This file is encrypted at rest: set ENCRYPTION_MASTER_KEY to read it');
  return createDecryptor(masterKey, wrappedKey, plan);
}

/**
 * Pipes stored bytes through the decryptor and returns the plaintext end. Errors travel both ways: a damaged chunk
 * fails the returned stream, and a reader that goes away (client disconnect) closes the file or the S3 response.
 */
export function decrypted(stored: Readable, decryptor: Transform): Readable {
  return pipeline(stored, decryptor, () => {});
}

export function emptyStream(): Readable {
  return new PassThrough().end();
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isStorageFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}
