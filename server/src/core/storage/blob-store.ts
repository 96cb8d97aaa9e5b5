import type { Readable } from 'node:stream';

/**
 * Where file bytes live: content-addressed, immutable blobs named by the SHA-256 of their (plaintext) content.
 * Two implementations: local disk (the embedded default) and S3-compatible object storage. Files are never in the
 * database; a document version row points to a blob by its hash.
 *
 * The caller's sequence is: `put` (durable once it resolves) → `recordBlob(trx, …)` in the transaction that also
 * writes the row pointing at the blob → answer. A crash between the two leaves an orphan blob that `gatehouse fsck`
 * reports (and `--repair` removes), never a row pointing at nothing.
 */
export type PutResult = {
  sha256: string;
  /** Plaintext size in bytes. */
  size: number;
  /**
   * Per-blob data key wrapped by the master key when the blob is encrypted at rest; stored in the `blobs` row and
   * passed back to `get`. When identical content was already stored, this is the key of the blob already there.
   */
  wrappedKey: string | null;
};

export type BlobStore = {
  readonly kind: 'local' | 's3';
  /**
   * Streams `source` into the store while hashing it. Resolves only once the bytes are durable (local: written to a
   * temporary file, fsynced, renamed into place, directory fsynced). Rejects with `StorageFullError` when the disk or
   * quota is exhausted, `BlobTooLargeError` past `maxBytes`; a rejected put leaves nothing visible behind (except
   * when the very last step, the directory fsync, fails: the blob is then an orphan that `gatehouse fsck` reports).
   */
  put(source: Readable, options?: { maxBytes?: number }): Promise<PutResult>;
  /**
   * Reads a blob (or an inclusive byte range of it), decrypting when needed. `wrappedKey` comes from the blob's row:
   * `null` means stored in clear, a string means encrypted, `undefined` lets the store read the blob's header.
   * Rejects with `BlobNotFoundError` or a `RangeError` for an unsatisfiable range; a damaged encrypted chunk makes
   * the returned stream fail with `BlobIntegrityError`.
   */
  get(sha256: string, options?: { wrappedKey?: string | null; start?: number; end?: number }): Promise<Readable>;
  /** Whether a blob exists, its plaintext size and when it was written. */
  stat(sha256: string): Promise<{ size: number; modifiedAt: Date } | null>;
  delete(sha256: string): Promise<void>;
  /** Every blob hash in the store (for `gatehouse fsck`). */
  list(): AsyncIterable<string>;
  /** Removes leftovers of interrupted puts (temporary files or objects) last touched before `olderThan`. */
  sweepTemporary(olderThan: Date): Promise<number>;
};

export class StorageFullError extends Error {
  constructor() {
    super('No space left in the file store');
  }
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`Blob ${sha256} is not in the file store`);
  }
}

/** Stored bytes that fail authentication (encrypted chunk altered, truncated or reordered) or a wrong master key. */
export class BlobIntegrityError extends Error {}

/** A blob address: 64 lowercase hex digits. Anything else never reaches a path or an object key. */
export function isBlobHash(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
