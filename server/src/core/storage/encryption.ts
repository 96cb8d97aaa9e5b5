import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BlobIntegrityError } from './blob-store';

/**
 * Encryption at rest: each blob gets a random 256-bit data key, wrapped with AES-256-GCM under the master key. The
 * content is cut into fixed-size chunks, each sealed with AES-256-GCM under the data key, so a Range read decrypts
 * only the chunks it touches. The nonce of a chunk is (random per-blob prefix, chunk index, last-chunk flag), as in
 * the STREAM construction: a reordered chunk fails (index), and so does a blob truncated on a chunk boundary (the new
 * last chunk was sealed as "not last").
 *
 * Stored layout: "GHE1" ‖ wrapped key (67 bytes) ‖ chunk₀ ‖ chunk₁ ‖ … where chunkᵢ = ciphertext ‖ 16-byte tag.
 * The wrapped key is also kept in the blob's header so a second put of identical content can learn the key of the
 * blob already stored (content addressing deduplicates) instead of returning a key that opens nothing.
 */
export const CHUNK_SIZE = 64 * 1024;
const TAG_LENGTH = 16;
const STORED_CHUNK = CHUNK_SIZE + TAG_LENGTH;
const MAGIC = Buffer.from('GHE1', 'latin1');
const KEY_AAD = Buffer.from('gatehouse blob data key v1', 'latin1');
const PREFIX_LENGTH = 7;
const WRAPPED_LENGTH = 12 + 32 + PREFIX_LENGTH + TAG_LENGTH;
export const HEADER_LENGTH = MAGIC.length + WRAPPED_LENGTH;

type DataKey = { key: Buffer; prefix: Buffer };

/** Decodes ENCRYPTION_MASTER_KEY (base64 of exactly 32 bytes); null when it is not one. */
export function parseMasterKey(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return null;
  const key = Buffer.from(value, 'base64');
  return key.length === 32 ? key : null;
}

function wrapDataKey(masterKey: Buffer): DataKey & { wrappedKey: string } {
  const key = randomBytes(32);
  const prefix = randomBytes(PREFIX_LENGTH);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv).setAAD(KEY_AAD);
  const sealed = Buffer.concat([cipher.update(Buffer.concat([key, prefix])), cipher.final(), cipher.getAuthTag()]);
  return { key, prefix, wrappedKey: Buffer.concat([iv, sealed]).toString('base64') };
}

/** Opens a wrapped data key; throws BlobIntegrityError for a wrong master key or a damaged wrapped key. */
export function unwrapDataKey(masterKey: Buffer, wrappedKey: string): DataKey {
  const raw = Buffer.from(wrappedKey, 'base64');
  if (raw.length !== WRAPPED_LENGTH) throw new BlobIntegrityError('The wrapped data key is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, raw.subarray(0, 12)).setAAD(KEY_AAD);
    decipher.setAuthTag(raw.subarray(WRAPPED_LENGTH - TAG_LENGTH));
    const opened = Buffer.concat([decipher.update(raw.subarray(12, WRAPPED_LENGTH - TAG_LENGTH)), decipher.final()]);
    return { key: opened.subarray(0, 32), prefix: opened.subarray(32) };
  } catch {
    throw new BlobIntegrityError('The data key cannot be unwrapped: wrong ENCRYPTION_MASTER_KEY or a damaged key');
  }
}

/** The wrapped key in a stored blob's first HEADER_LENGTH bytes, or null when they are not an encryption header. */
export function readHeader(head: Buffer): string | null {
  if (head.length < HEADER_LENGTH || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  return head.subarray(MAGIC.length, HEADER_LENGTH).toString('base64');
}

function chunkCount(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / CHUNK_SIZE));
}

/** Stored size of an encrypted blob of `plainSize` bytes. */
export function encryptedSize(plainSize: number): number {
  return HEADER_LENGTH + plainSize + chunkCount(plainSize) * TAG_LENGTH;
}

/** Plaintext size of an encrypted blob from its stored size; throws when no plaintext size gives that size. */
export function plaintextSize(storedSize: number): number {
  const body = storedSize - HEADER_LENGTH;
  const chunks = Math.ceil(body / STORED_CHUNK);
  const lastLength = body - (chunks - 1) * STORED_CHUNK;
  if (body < TAG_LENGTH || lastLength < TAG_LENGTH || (chunks > 1 && lastLength === TAG_LENGTH)) {
    throw new BlobIntegrityError(`An encrypted blob cannot be ${storedSize} bytes long: it was truncated`);
  }
  return body - chunks * TAG_LENGTH;
}

/**
 * Validates an inclusive byte range against a size: `start` defaults to 0, `end` to the last byte and is clamped
 * to it (as HTTP Range does). An empty blob has only the empty range.
 */
export function resolveRange(size: number, start?: number, end?: number): { start: number; end: number } {
  const from = start ?? 0;
  const to = Math.min(end ?? size - 1, size - 1);
  const invalid = from < 0 || (end !== undefined && end < from) || (size > 0 ? from >= size : from > 0);
  if (invalid || !Number.isInteger(from) || !Number.isInteger(to)) {
    throw new RangeError(`Range ${start ?? ''}-${end ?? ''} is not satisfiable for ${size} bytes`);
  }
  return { start: from, end: to };
}

/** Rejects a negative, fractional or reversed range before any size is known. */
export function assertRangeShape(start?: number, end?: number): void {
  resolveRange(Number.MAX_SAFE_INTEGER, start, end);
}

/** Stored bytes to fetch for a plaintext range, computable before the stored size is known (S3 asks in one go). */
export function storedRangeFor(start: number, end?: number): { start: number; end?: number } {
  const first = Math.floor(start / CHUNK_SIZE);
  const storedStart = HEADER_LENGTH + first * STORED_CHUNK;
  if (end === undefined) return { start: storedStart };
  return { start: storedStart, end: HEADER_LENGTH + (Math.floor(end / CHUNK_SIZE) + 1) * STORED_CHUNK - 1 };
}

export type EncryptedRead = {
  plainSize: number;
  /** Stored byte range to read (inclusive). */
  storedStart: number;
  storedEnd: number;
  firstChunk: number;
  totalChunks: number;
  /** Plaintext bytes to drop from the first decrypted chunk, then bytes to emit. */
  skip: number;
  length: number;
};

/** Which stored chunks a plaintext range needs. Throws RangeError for an unsatisfiable range. */
export function planEncryptedRead(storedSize: number, start?: number, end?: number): EncryptedRead {
  const plainSize = plaintextSize(storedSize);
  const range = resolveRange(plainSize, start, end);
  const firstChunk = Math.floor(range.start / CHUNK_SIZE);
  const lastChunk = plainSize === 0 ? 0 : Math.floor(range.end / CHUNK_SIZE);
  return {
    plainSize,
    storedStart: HEADER_LENGTH + firstChunk * STORED_CHUNK,
    storedEnd: Math.min(HEADER_LENGTH + (lastChunk + 1) * STORED_CHUNK, storedSize) - 1,
    firstChunk,
    totalChunks: chunkCount(plainSize),
    skip: range.start - firstChunk * CHUNK_SIZE,
    length: plainSize === 0 ? 0 : range.end - range.start + 1,
  };
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const value = Buffer.alloc(12);
  prefix.copy(value, 0);
  value.writeUInt32BE(index, PREFIX_LENGTH);
  value[11] = last ? 1 : 0;
  return value;
}

/** Collects incoming buffers and hands them out in fixed-size pieces without re-copying on every write. */
class Chunker {
  private parts: Buffer[] = [];
  length = 0;

  add(part: Buffer): void {
    this.parts.push(part);
    this.length += part.length;
  }

  /**
   * Takes whole pieces of `size` bytes; with `holdBack`, a piece is taken only while more bytes follow it (the
   * encryptor must keep the final piece to seal it as the last one).
   */
  *pieces(size: number, holdBack: boolean): Generator<Buffer> {
    const enough = (available: number) => (holdBack ? available > size : available >= size);
    if (!enough(this.length)) return;
    const all = Buffer.concat(this.parts, this.length);
    let offset = 0;
    while (enough(all.length - offset)) {
      yield all.subarray(offset, offset + size);
      offset += size;
    }
    this.parts = [all.subarray(offset)];
    this.length = all.length - offset;
  }

  takeAll(): Buffer {
    const all = Buffer.concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    return all;
  }
}

/** Encrypts a plaintext stream into the stored layout; `wrappedKey` is known before the first byte. */
export function createEncryptor(masterKey: Buffer): { wrappedKey: string; stream: Transform } {
  const { key, prefix, wrappedKey } = wrapDataKey(masterKey);
  const pending = new Chunker();
  let index = 0;
  let headerSent = false;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index++, last));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const sendHeader = (stream: Transform) => {
    if (!headerSent) stream.push(Buffer.concat([MAGIC, Buffer.from(wrappedKey, 'base64')]));
    headerSent = true;
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      sendHeader(this);
      pending.add(chunk);
      for (const plain of pending.pieces(CHUNK_SIZE, true)) this.push(seal(plain, false));
      done();
    },
    flush(done: TransformCallback) {
      sendHeader(this);
      this.push(seal(pending.takeAll(), true));
      done();
    },
  });
  return { wrappedKey, stream };
}

/** Decrypts the stored bytes of `plan` (from `storedStart`) into the requested plaintext range. */
export function createDecryptor(masterKey: Buffer, wrappedKey: string, plan: EncryptedRead): Transform {
  const { key, prefix } = unwrapDataKey(masterKey, wrappedKey);
  const pending = new Chunker();
  let index = plan.firstChunk;
  let skip = plan.skip;
  let remaining = plan.length;
  const open = (stream: Transform, sealed: Buffer) => {
    const last = index === plan.totalChunks - 1;
    if (sealed.length < TAG_LENGTH || index >= plan.totalChunks) throw new BlobIntegrityError('Damaged chunk');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index++, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH)), decipher.final()]);
    } catch {
      throw new BlobIntegrityError(`Encrypted chunk ${index - 1} failed authentication: the blob was altered`);
    }
    const piece = plain.subarray(skip, skip + remaining);
    skip = Math.max(0, skip - plain.length);
    remaining -= piece.length;
    if (piece.length > 0) stream.push(piece);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending.add(chunk);
      try {
        for (const sealed of pending.pieces(STORED_CHUNK, false)) open(this, sealed);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (pending.length > 0) open(this, pending.takeAll());
        if (remaining > 0 || index === plan.firstChunk) throw new BlobIntegrityError('The encrypted blob ends early');
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
