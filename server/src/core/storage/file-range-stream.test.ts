import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRangeStream } from './file-range-stream';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-range-'));
const file = join(dir, 'content.bin');
const content = randomBytes(100_003);
let server: Server;
let url: string;
const opened: FileRangeStream[] = [];

beforeAll(async () => {
  writeFileSync(file, content);
  // A tiny chunk size, so the two buffers are filled again hundreds of times per answer.
  server = createServer((request, response) => {
    const [start, end, via] = (request.url ?? '').slice(1).split('/');
    const stream = new FileRangeStream(file, Number(start), Number(end), 1000);
    opened.push(stream);
    if (via === 'pipeline') void pipeline(stream, response).catch(() => {});
    else stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Reads the whole answer slowly (one chunk per timer tick), so the server waits on the socket and reuses buffers. */
function fetchSlowly(path: string, stopAfter = Number.POSITIVE_INFINITY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(`${url}${path}`, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        bytes += chunk.length;
        if (bytes >= stopAfter) {
          response.destroy();
          resolve(Buffer.concat(chunks));
          return;
        }
        response.pause();
        setTimeout(() => response.resume(), 1);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('FileRangeStream', () => {
  it('sends a whole file and any range into an HTTP response, byte for byte, with pipe and with pipeline', async () => {
    expect((await fetchSlowly(`/0/${content.length - 1}`)).equals(content)).toBe(true);
    expect((await fetchSlowly('/1234/56788')).equals(content.subarray(1234, 56789))).toBe(true);
    expect((await fetchSlowly('/99999/100002/pipeline')).equals(content.subarray(99999))).toBe(true);
    expect((await fetchSlowly(`/0/${content.length - 1}/pipeline`)).equals(content)).toBe(true);
  });

  it('gives a reader that keeps every chunk its own buffers, as a transform in between does', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of new FileRangeStream(file, 10, 50_009, 1000)) chunks.push(chunk);
    expect(chunks.length).toBe(50);
    expect(Buffer.concat(chunks).equals(content.subarray(10, 50_010))).toBe(true);

    const through = new PassThrough();
    new FileRangeStream(file, 0, content.length - 1, 1000).pipe(through);
    const kept: Buffer[] = [];
    for await (const chunk of through) kept.push(chunk);
    expect(Buffer.concat(kept).equals(content)).toBe(true);
  });

  it('stops reading and closes the file when the client goes away', async () => {
    const before = opened.length;
    const received = await fetchSlowly(`/0/${content.length - 1}`, 5000);
    expect(received.length).toBeGreaterThanOrEqual(5000);
    const stream = opened[before];
    await expect.poll(() => stream.destroyed, { timeout: 5000 }).toBe(true);
  });

  it('fails the stream when the file is missing', async () => {
    const missing = new FileRangeStream(join(dir, 'missing.bin'), 0, 10, 1000);
    await expect(async () => {
      for await (const _ of missing) {
        // nothing
      }
    }).rejects.toThrow(/ENOENT/);
  });
});
