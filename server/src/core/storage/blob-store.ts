import type { Readable } from 'node:stream';

/**
 * Where file bytes live: content-addressed, immutable blobs named by the SHA-256 of their (plaintext) content.
 * Two implementations: local disk (the embedded default) and S3-compatible object storage. Files are never in the
 * database; a document version row points to a blob by its hash.
 */
export type PutResult = {
  sha256: string;
  size: number;
  /** Per-blob data key wrapped by the master key when encryption at rest is on; stored in the `blobs` row. */
  wrappedKey: string | null;
};

export type BlobStore = {
  readonly kind: 'local' | 's3';
  /**
   * Streams `source` into the store while hashing it. Resolves only once the bytes are durable (local: written to a
   * temporary file, fsynced, renamed into place, directory fsynced). Rejects with `StorageFullError` when the disk or
   * quota is exhausted, `BlobTooLargeError` past `maxBytes`; a rejected put leaves nothing visible behind.
   */
  put(source: Readable, options?: { maxBytes?: number }): Promise<PutResult>;
  /** Reads a blob (or an inclusive byte range of it), decrypting when needed. */
  get(sha256: string, options?: { wrappedKey?: string | null; start?: number; end?: number }): Promise<Readable>;
  /** Whether a blob exists and its stored size. */
  stat(sha256: string): Promise<{ size: number } | null>;
  delete(sha256: string): Promise<void>;
  /** Every blob hash in the store (for `gatehouse fsck`). */
  list(): AsyncIterable<string>;
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
