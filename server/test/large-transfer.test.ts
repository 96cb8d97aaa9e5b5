import { createCipheriv, createHash, type Hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatehouse } from '../../bench/gatehouse';
import { rssMb } from '../../bench/support';

/**
 * The bound: "a 4 GiB upload or download never grows the server's memory by more than ~100 MB". Gatehouse runs
 * as its own process (`gatehouse start`, SQLite + local disk) so its resident memory is measured without the test
 * runner's; 4 GiB of pseudo-random bytes are generated and hashed on the fly (no 4 GiB buffer on either side), sent,
 * read back and compared by SHA-256, while the server's RSS is sampled every 100 ms. Runs in the SQLite project only
 * (vitest.config.ts): it is slow, and what it measures does not depend on the database.
 */
const MiB = 1024 * 1024;
const SIZE = 4 * 1024 * MiB;
/** The issue says ~100 MB; the test allows 150 MB so a GC that runs late does not make it flaky. */
const MAX_GROWTH_MB = 150;
const TRANSFER_TIMEOUT_MS = 10 * 60_000;

type Gatehouse = Awaited<ReturnType<typeof startGatehouse>>;
let dataDir: string;
let gatehouse: Gatehouse;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-large-'));
  gatehouse = await startGatehouse(dataDir);
});

afterAll(async () => {
  if (gatehouse) {
    gatehouse.stop();
    await exited(gatehouse.pid);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The bench helper's stop only signals: wait for the exit so the data dir is not removed under a server still closing. */
async function exited(pid: number) {
  for (let i = 0; i < 300; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGKILL');
}

/** `size` pseudo-random bytes (an AES-CTR keystream) in 1 MiB pieces, made only when the reader asks for them. */
function* pseudoRandom(size: number, seed: string, hash: Hash): Generator<Buffer> {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16));
  const zeros = Buffer.alloc(MiB);
  for (let sent = 0; sent < size; sent += MiB) {
    const piece = cipher.update(zeros.subarray(0, Math.min(MiB, size - sent)));
    hash.update(piece);
    yield piece;
  }
}

/**
 * Runs `work` while sampling the server's resident memory every 100 ms; growth is counted from `baseline` (by default
 * the RSS just before `work` starts).
 */
async function measured<T>(work: () => Promise<T>, baseline = rssMb(gatehouse.pid)) {
  let peak = rssMb(gatehouse.pid);
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(gatehouse.pid));
    samples += 1;
  }, 100);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, rssMb(gatehouse.pid));
    const seconds = (performance.now() - started) / 1000;
    return { result, baseline, peak, growth: peak - baseline, seconds, samples };
  } finally {
    clearInterval(timer);
  }
}

function report(label: string, figures: Omit<Awaited<ReturnType<typeof measured>>, 'result'>) {
  console.log(
    `${label}: server RSS ${figures.baseline.toFixed(0)} MB before the upload, peak ${figures.peak.toFixed(0)} MB, ` +
      `growth ${figures.growth.toFixed(1)} MB (${figures.samples} samples); ${figures.seconds.toFixed(1)} s ` +
      `(${(SIZE / MiB / figures.seconds).toFixed(0)} MiB/s)`,
  );
}

/** One request with a streamed body; the answer is read whole (it is small JSON). */
function send(
  path: string,
  method: string,
  headers: Record<string, string | number>,
  body: Readable | null,
): Promise<{ status: number; text: string; location: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gatehouse.base}${path}`, { method, headers: { ...gatehouse.auth, ...headers } });
    req.on('error', reject);
    req.on('response', async (res: IncomingMessage) => {
      let text = '';
      for await (const chunk of res) text += chunk;
      resolve({ status: res.statusCode ?? 0, text, location: res.headers.location ?? '' });
    });
    if (body) pipeline(body, req).catch(reject);
    else req.end();
  });
}

function multipartUpload(name: string, seed: string, hash: Hash) {
  const boundary = `----gatehouse-large-${seed}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Readable.from(
    (function* () {
      yield head;
      yield* pseudoRandom(SIZE, seed, hash);
      yield tail;
    })(),
  );
  return send(
    `/api/v1/spaces/${gatehouse.space.id}/documents`,
    'POST',
    { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + SIZE + tail.length },
    body,
  );
}

/** Downloads the current version, hashing as the bytes arrive; returns the hash and the byte count. */
function download(documentId: string): Promise<{ status: number; sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gatehouse.base}/api/v1/documents/${documentId}/content`, { headers: gatehouse.auth });
    req.on('error', reject);
    req.on('response', async (res: IncomingMessage) => {
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        for await (const chunk of res as AsyncIterable<Buffer>) {
          hash.update(chunk);
          bytes += chunk.length;
        }
        resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), bytes });
      } catch (error) {
        reject(error);
      }
    });
    req.end();
  });
}

async function storedSha256(documentId: string): Promise<string> {
  const versions = await send(`/api/v1/documents/${documentId}/versions`, 'GET', {}, null);
  return JSON.parse(versions.text).versions[0].sha256;
}

describe('4 GiB transfers against a gatehouse process (sqlite, local disk)', () => {
  it(
    'a 4 GiB multipart upload and its download keep the same SHA-256 and grow the server by less than 150 MB',
    async () => {
      const sent = createHash('sha256');
      const upload = await measured(() => multipartUpload('four-gib.bin', 'multipart', sent));
      report('multipart upload of 4 GiB', upload);
      expect(upload.result.status, upload.result.text).toBe(201);
      const document = JSON.parse(upload.result.text).document as { id: string; size: number };
      expect(document.size).toBe(SIZE);
      const sentSha256 = sent.digest('hex');
      expect(await storedSha256(document.id)).toBe(sentSha256);

      const fetched = await measured(() => download(document.id), upload.baseline);
      report('download of 4 GiB', fetched);
      expect(fetched.result).toEqual({ status: 200, sha256: sentSha256, bytes: SIZE });

      expect(upload.growth).toBeLessThan(MAX_GROWTH_MB);
      expect(fetched.growth).toBeLessThan(MAX_GROWTH_MB);
    },
    TRANSFER_TIMEOUT_MS,
  );

  it(
    'a 4 GiB tus upload sent in one PATCH keeps its SHA-256 and grows the server by less than 150 MB',
    async () => {
      const created = await send(
        `/api/v1/spaces/${gatehouse.space.id}/uploads`,
        'POST',
        {
          'tus-resumable': '1.0.0',
          'upload-length': SIZE,
          'upload-metadata': `filename ${Buffer.from('four-gib-resumable.bin').toString('base64')}`,
        },
        null,
      );
      expect(created.status, created.text).toBe(201);
      const sent = createHash('sha256');
      // The PATCH ends with the commit: the partial file is streamed into the blob store before the answer.
      const upload = await measured(() =>
        send(
          created.location,
          'PATCH',
          {
            'tus-resumable': '1.0.0',
            'upload-offset': 0,
            'content-type': 'application/offset+octet-stream',
            'content-length': SIZE,
          },
          Readable.from(pseudoRandom(SIZE, 'tus', sent)),
        ),
      );
      report('tus upload of 4 GiB', upload);
      expect(upload.result.status, upload.result.text).toBe(200);
      const document = JSON.parse(upload.result.text).document as { id: string; size: number };
      expect(document.size).toBe(SIZE);
      expect(await storedSha256(document.id)).toBe(sent.digest('hex'));
      expect(upload.growth).toBeLessThan(MAX_GROWTH_MB);
    },
    TRANSFER_TIMEOUT_MS,
  );
});
