import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3BlobStoreOptions } from './s3-blob-store';

/** Test-only helpers: a real S3-compatible server (s3rver) on loopback, and stream utilities. */

export type TestBucket = {
  options: Omit<S3BlobStoreOptions, 'masterKey'>;
  /** Every key in the bucket, temporary objects included. */
  keys: () => Promise<string[]>;
  read: (key: string) => Promise<Buffer>;
  write: (key: string, body: Buffer) => Promise<void>;
};

export type TestS3 = { bucket: () => Promise<TestBucket>; close: () => Promise<void> };

/**
 * s3rver runs in its own process, as a real store would, with OpenSSL's legacy provider: it seals ListObjectsV2
 * continuation tokens with DES, which OpenSSL 3 refuses by default (every truncated listing would fail).
 */
function spawnS3rver(directory: string): Promise<{ child: ChildProcess; port: number }> {
  const modulePath = createRequire(import.meta.url).resolve('s3rver');
  const script = `
    const S3rver = require(${JSON.stringify(modulePath)});
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: ${JSON.stringify(directory)} });
    server.run().then((address) => console.log(JSON.stringify({ port: address.port })));
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
    child.stdout?.once('data', (data: Buffer) => resolve({ child, port: JSON.parse(data.toString()).port }));
  });
}

export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'gatehouse-s3-'));
  const { child, port } = await spawnS3rver(directory);
  const connection = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  const client = new S3Client({
    endpoint: connection.endpoint,
    region: connection.region,
    forcePathStyle: true,
    credentials: { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    async bucket() {
      const Bucket = `gatehouse-${randomUUID().slice(0, 8)}`;
      await client.send(new CreateBucketCommand({ Bucket }));
      return {
        options: { ...connection, bucket: Bucket },
        async keys() {
          const listed = await client.send(new ListObjectsV2Command({ Bucket }));
          return (listed.Contents ?? []).map((object) => object.Key ?? '');
        },
        async read(Key) {
          const output = await client.send(new GetObjectCommand({ Bucket, Key }));
          return Buffer.from(
            await (output.Body as Readable & { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
          );
        },
        async write(Key, Body) {
          await client.send(new PutObjectCommand({ Bucket, Key, Body }));
        },
      };
    },
    async close() {
      client.destroy();
      child.removeAllListeners('exit');
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A stream of `content` in pieces of `pieceSize` bytes, like an upload arriving from the network. */
export function streamOf(content: Buffer, pieceSize = 64 * 1024): Readable {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < content.length; offset += pieceSize) {
    pieces.push(content.subarray(offset, offset + pieceSize));
  }
  return Readable.from(pieces);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
