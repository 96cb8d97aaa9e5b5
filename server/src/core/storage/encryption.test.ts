import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobIntegrityError } from './blob-store';
import {
  CHUNK_SIZE,
  createDecryptor,
  createEncryptor,
  encryptedSize,
  HEADER_LENGTH,
  parseMasterKey,
  plaintextSize,
  planEncryptedRead,
  readHeader,
  unwrapDataKey,
} from './encryption';
import { readAll, streamOf } from './storage.test-support';

async function encrypt(masterKey: Buffer, content: Buffer) {
  const { wrappedKey, stream } = createEncryptor(masterKey);
  const stored = await readAll(streamOf(content, 10_000).pipe(stream));
  return { wrappedKey, stored };
}

async function decrypt(masterKey: Buffer, wrappedKey: string, stored: Buffer, start?: number, end?: number) {
  const plan = planEncryptedRead(stored.length, start, end);
  const body = stored.subarray(plan.storedStart, plan.storedEnd + 1);
  return readAll(streamOf(body, 4096).pipe(createDecryptor(masterKey, wrappedKey, plan)));
}

describe('encryption at rest', () => {
  it('the stored size follows from the plaintext size and back, around every chunk boundary', async () => {
    const masterKey = randomBytes(32);
    for (const size of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 7]) {
      const content = randomBytes(size);
      const { wrappedKey, stored } = await encrypt(masterKey, content);
      expect(stored.length).toBe(encryptedSize(size));
      expect(plaintextSize(stored.length)).toBe(size);
      expect(readHeader(stored)).toBe(wrappedKey);
      expect((await decrypt(masterKey, wrappedKey, stored)).equals(content)).toBe(true);
    }
  });

  it('each blob gets its own data key, and another master key cannot unwrap it', async () => {
    const masterKey = randomBytes(32);
    const first = await encrypt(masterKey, Buffer.from('same content'));
    const second = await encrypt(masterKey, Buffer.from('same content'));
    expect(first.wrappedKey).not.toBe(second.wrappedKey);
    expect(first.stored.equals(second.stored)).toBe(false);
    expect(() => unwrapDataKey(randomBytes(32), first.wrappedKey)).toThrow(BlobIntegrityError);
  });

  it('two chunks swapped in place fail authentication', async () => {
    const masterKey = randomBytes(32);
    const { wrappedKey, stored } = await encrypt(masterKey, randomBytes(3 * CHUNK_SIZE));
    const chunk = (i: number) =>
      stored.subarray(HEADER_LENGTH + i * (CHUNK_SIZE + 16), HEADER_LENGTH + (i + 1) * (CHUNK_SIZE + 16));
    const swapped = Buffer.concat([stored.subarray(0, HEADER_LENGTH), chunk(1), chunk(0), chunk(2)]);
    await expect(decrypt(masterKey, wrappedKey, swapped)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('a stored size no encrypted blob can have is reported as truncation', () => {
    expect(() => plaintextSize(HEADER_LENGTH + 10)).toThrow(BlobIntegrityError);
    expect(() => plaintextSize(HEADER_LENGTH + CHUNK_SIZE + 16 + 5)).toThrow(BlobIntegrityError);
  });

  it('the master key must be the base64 of exactly 32 bytes', () => {
    expect(parseMasterKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(parseMasterKey(randomBytes(32).toString('base64url'))?.length).toBe(32);
    expect(parseMasterKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseMasterKey('not a key at all, not a key at all, not a k')).toBeNull();
  });
});
