import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resident memory of a process right now, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples a process's RSS every 50 ms until stopped; returns the peak seen. */
export function sampleRss(pid: number) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process may have exited between samples
    }
  }, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

let payloads = 0;

/**
 * A stream of `bytes` bytes made of one random-looking 1 MiB block, cheap to generate. Each call's first block
 * carries its own number, so no two payloads are the same file: a content-addressed store would otherwise find the
 * second one already stored and serve the next download from an older, colder file than the baseline's.
 */
export function payload(bytes: number): Readable {
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i += 1) block[i] = (i * 2654435761) >>> 24;
  const first = Buffer.from(block);
  first.writeUInt32BE(process.pid);
  payloads += 1;
  first.writeUInt32BE(payloads, 4);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.push(null);
        return;
      }
      const chunk = sent === 0 ? first : block;
      const size = Math.min(chunk.length, bytes - sent);
      sent += size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

export type HttpResult = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** One HTTP request with a streamed body; the response body is drained and counted, kept only when small. */
export function httpRequest(
  url: string,
  options: { method: string; headers?: Record<string, string | number>; body?: Readable | string },
): Promise<HttpResult & { bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes < 1 << 20) chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
          bytes,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body instanceof Readable) options.body.pipe(req);
    else req.end(options.body);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Starts a child process and resolves once `ready()` says so from its output or by polling. */
export async function startChild(command: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return child;
}

/**
 * Lets the machine come back to rest before a timed transfer: dirty pages written out, then a pause. Virtual machines
 * often meter disk bandwidth with a refilling budget; without this, whichever transfer runs second is slowed by the
 * first one's writes, and the comparison says more about the order than about the servers.
 */
export async function settle(ms = 1000): Promise<void> {
  execFileSync('sync');
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Times a request made from a machine at rest (see settle()). */
export async function timedAtRest<T>(request: () => Promise<T>): Promise<{ ms: number; result: T }> {
  await settle();
  const started = performance.now();
  const result = await request();
  return { ms: performance.now() - started, result };
}
