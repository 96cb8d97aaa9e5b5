import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  decrypted,
  decryptorFor,
  emptyStream,
  existingWrappedKey,
  plainSizeOf,
  sniffWrappedKey,
  writeStages,
} from './blob-pipeline';
import { BlobNotFoundError, type BlobStore, isBlobHash, StorageFullError } from './blob-store';
import { assertRangeShape, HEADER_LENGTH, planEncryptedRead, resolveRange, storedRangeFor } from './encryption';

export type S3BlobStoreOptions = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  masterKey: Buffer | null;
  /** Keys per ListObjectsV2 page (S3's maximum is 1000; tests use a small one to cross pages). */
  listPageSize?: number;
};

const BLOBS = 'blobs/';
const TMP = 'tmp/';
const PART_SIZE = 8 * 1024 * 1024;
/**
 * CopyObject copies at most 5 GiB in one request; puts stop short of it (with room for the encryption overhead)
 * instead of failing after the whole upload.
 */
const MAX_PLAIN_BYTES = 5 * 1024 ** 3 - 128 * 1024 ** 2;

/**
 * Blobs in any S3-compatible store, under `blobs/<sha256>`. The address is known only once the last byte is hashed,
 * so a put streams (multipart) to `tmp/<uuid>`, then copies it to its address and deletes the temporary object:
 * a blob becomes visible in one step or not at all, whatever fails on the way.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { bucket, masterKey } = options;
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's newer default adds CRC trailers that several S3-compatible stores reject; SigV4 still signs the body.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  const keyOf = (sha256: string) => {
    if (!isBlobHash(sha256)) throw new TypeError(`Not a blob hash: ${sha256}`);
    return `${BLOBS}${sha256}`;
  };

  const head = async (key: string) => {
    try {
      const output = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: output.ContentLength ?? 0, modifiedAt: output.LastModified ?? new Date(0) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  /** GET with an optional inclusive stored range; also returns the object's full stored size. */
  const getObject = async (key: string, range?: { start: number; end?: number }) => {
    const output = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: range && `bytes=${range.start}-${range.end ?? ''}` }),
    );
    const total = output.ContentRange ? Number(output.ContentRange.split('/')[1]) : (output.ContentLength ?? 0);
    const body = output.Body as Readable;
    const served = Number(/^bytes (\d+)-(\d+)\//.exec(output.ContentRange ?? '')?.[2] ?? Number.NaN);
    // Some S3-compatible servers read `bytes=0-0` as "everything": never hand out more than was asked for.
    if (range?.end !== undefined && served > range.end)
      return { body: limited(body, range.end - range.start + 1), storedSize: total };
    return { body, storedSize: total };
  };

  const readHead = async (key: string) => {
    const { body } = await getObject(key, { start: 0, end: HEADER_LENGTH - 1 });
    const parts: Buffer[] = [];
    for await (const part of body) parts.push(part as Buffer);
    return Buffer.concat(parts);
  };

  const deleteQuietly = (key: string) =>
    client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).then(
      () => {},
      () => {},
    );

  async function upload(tempKey: string, streams: Readable[]): Promise<void> {
    const body = new PassThrough();
    const parts = new Upload({
      client,
      params: { Bucket: bucket, Key: tempKey, Body: body },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    // Either side failing must stop the other: a dead upload would otherwise leave the source paused forever.
    const sending = parts.done().catch((error) => {
      body.destroy(error);
      throw error;
    });
    const feeding = pipeline([...streams, body]).catch(async (error) => {
      await parts.abort().catch(() => {});
      throw error;
    });
    const [fed, sent] = await Promise.allSettled([feeding, sending]);
    if (fed.status === 'rejected') throw fed.reason;
    if (sent.status === 'rejected') throw sent.reason;
  }

  /** Copies the finished temporary object to its address unless a blob is there already; true when copied. */
  async function place(tempKey: string, key: string): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      if (await head(key)) return false;
      try {
        // If-None-Match closes the race with a concurrent put of the same content where the store supports it
        // (412: the other put won; 409: it is still writing, so look again).
        await client.send(
          new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/${tempKey}`, IfNoneMatch: '*' }),
        );
        return true;
      } catch (error) {
        if (statusOf(error) === 412) return false;
        if (statusOf(error) !== 409 || attempt === 3) throw error;
      }
    }
  }

  return {
    kind: 's3',

    async put(source, { maxBytes } = {}) {
      const { stages, result } = writeStages(masterKey, Math.min(maxBytes ?? MAX_PLAIN_BYTES, MAX_PLAIN_BYTES));
      const tempKey = `${TMP}${randomUUID()}`;
      try {
        await upload(tempKey, [source, ...stages]);
        const written = result();
        const key = keyOf(written.sha256);
        if (await place(tempKey, key)) return written;
        const existing = await head(key);
        if (!existing) throw new Error(`Blob ${written.sha256} vanished while being stored`);
        const wrappedKey = await existingWrappedKey({
          sha256: written.sha256,
          size: written.size,
          storedSize: existing.size,
          readHead: () => readHead(key),
        });
        return { ...written, wrappedKey };
      } catch (error) {
        source.destroy();
        // 507 Insufficient Storage: what MinIO and others answer when the disks or the quota are full.
        throw statusOf(error) === 507 ? new StorageFullError() : error;
      } finally {
        await deleteQuietly(tempKey);
      }
    },

    async get(sha256, { wrappedKey, start, end } = {}) {
      const key = keyOf(sha256);
      try {
        let resolved = wrappedKey;
        if (resolved === undefined) {
          const info = await head(key);
          if (!info) throw new BlobNotFoundError(sha256);
          resolved = await sniffWrappedKey(masterKey, info.size, () => readHead(key));
        }
        if (resolved === null) return await getClear(key, start, end);
        assertRangeShape(start, end);
        const { body, storedSize } = await getObject(key, storedRangeFor(start ?? 0, end));
        try {
          const plan = planEncryptedRead(storedSize, start, end);
          return decrypted(body, decryptorFor(masterKey, resolved, plan));
        } catch (error) {
          body.destroy();
          throw error;
        }
      } catch (error) {
        throw translate(error, sha256, start, end);
      }
    },

    async stat(sha256) {
      const key = keyOf(sha256);
      const info = await head(key);
      if (!info) return null;
      return { size: await plainSizeOf(masterKey, info.size, () => readHead(key)), modifiedAt: info.modifiedAt };
    },

    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    },

    async *list() {
      for await (const object of listObjects(BLOBS)) {
        const sha256 = object.Key?.slice(BLOBS.length) ?? '';
        if (isBlobHash(sha256)) yield sha256;
      }
    },

    async sweepTemporary(olderThan) {
      let removed = 0;
      for await (const object of listObjects(TMP)) {
        if (object.Key && object.LastModified && object.LastModified < olderThan) {
          await deleteQuietly(object.Key);
          removed += 1;
        }
      }
      return removed;
    },
  };

  async function getClear(key: string, start?: number, end?: number): Promise<Readable> {
    if (start === undefined && end === undefined) return (await getObject(key)).body;
    // The size comes first: stores disagree on ranges of an empty object (S3 answers 416, others break the reply).
    const info = await head(key);
    if (!info) throw new BlobNotFoundError(key.slice(BLOBS.length));
    const range = resolveRange(info.size, start, end);
    if (range.end < range.start) return emptyStream();
    return (await getObject(key, range)).body;
  }

  async function* listObjects(prefix: string) {
    let token: string | undefined;
    do {
      const page: ListObjectsV2CommandOutput = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          ContinuationToken: token,
          MaxKeys: options.listPageSize ?? 1000,
        }),
      );
      yield* page.Contents ?? [];
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

/** The first `length` bytes of `source`; the rest is not read (the response is closed). */
function limited(source: Readable, length: number): Readable {
  let remaining = length;
  const out = new Readable({
    read: () => source.resume(),
    destroy(error, done) {
      source.destroy();
      done(error);
    },
  });
  source.on('data', (chunk: Buffer) => {
    if (remaining === 0) return;
    const piece = chunk.subarray(0, remaining);
    remaining -= piece.length;
    if (!out.push(piece)) source.pause();
    if (remaining > 0) return;
    out.push(null);
    source.destroy();
  });
  source.on('error', (error) => {
    if (remaining > 0) out.destroy(error);
  });
  source.on('end', () => {
    if (remaining > 0) out.destroy(new Error('The object store sent fewer bytes than announced'));
  });
  return out;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function translate(error: unknown, sha256: string, start?: number, end?: number): unknown {
  if (statusOf(error) === 404) return new BlobNotFoundError(sha256);
  if (statusOf(error) === 416) return new RangeError(`Range ${start ?? ''}-${end ?? ''} is not satisfiable`);
  return error;
}
