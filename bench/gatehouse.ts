import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/src/core/db/database';
import { freePort, httpRequest, payload, percentile, startChild, timedAtRest } from './support';

const root = fileURLToPath(new URL('..', import.meta.url));

async function waitReady(base: string) {
  for (let i = 0; i < 300; i += 1) {
    const ok = await httpRequest(`${base}/readyz`, { method: 'GET' }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not become ready`);
}

/** A real Gatehouse process on a fresh data dir, with an admin, an API token and one space to work in. */
export async function startGatehouse(dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const email = 'bench@example.test';
  const password = 'measured not guessed 2026';
  // BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to look inside the server while it is measured.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = await startChild(process.execPath, [...nodeArgs, join(root, 'server/bin/gatehouse.mjs'), 'start'], {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    GATEHOUSE_ADMIN_EMAIL: email,
    GATEHOUSE_ADMIN_PASSWORD: password,
  });
  child.stdout?.resume();
  // A benchmark that fails half-way must not leave a server running (and indexing) in the background.
  process.on('exit', () => child.kill('SIGTERM'));
  await waitReady(base);
  const json = { 'content-type': 'application/json', origin: base };
  const login = await httpRequest(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const me = JSON.parse((await httpRequest(`${base}/api/v1/me`, { method: 'GET', headers: { cookie } })).body);
  const created = await httpRequest(`${base}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  const token = JSON.parse(created.body).secret as string;
  const auth = { authorization: `Bearer ${token}` };
  const space = JSON.parse(
    (
      await httpRequest(`${base}/api/v1/spaces`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({ name: 'Bench', kind: 'project' }),
      })
    ).body,
  ).space as { id: string; slug: string };
  return {
    base,
    pid: child.pid as number,
    json,
    auth,
    basic: { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` },
    space,
    stop: () => child.kill('SIGTERM'),
  };
}

export type Transfer = { uploadMs: number; downloadMs: number };

/**
 * Times the download of `bytes` bytes from `url`, once the file was read a first time untimed: both servers then
 * serve it from the page cache, and the figure is the server's work rather than where the virtual disk happens to
 * keep the file at that moment.
 */
export async function timedDownload(url: string, headers: Record<string, string>, bytes: number): Promise<number> {
  const warm = await httpRequest(url, { method: 'GET', headers });
  if (warm.bytes !== bytes) throw new Error(`download of ${url}: ${warm.status}, ${warm.bytes} bytes`);
  const { ms, result: timed } = await timedAtRest(() => httpRequest(url, { method: 'GET', headers }));
  if (timed.bytes !== bytes) throw new Error(`download of ${url}: ${timed.status}, ${timed.bytes} bytes`);
  return ms;
}

/**
 * The ceiling: a bare Node.js server on the same disk doing only the essential work (hash + fsync before answering
 * an upload, 1 MiB read chunks for a download), started once like Gatehouse. `transfer` times the upload and the
 * download of `bytes` bytes.
 */
export async function startBaseline(workDir: string) {
  const dir = join(workDir, 'baseline');
  mkdirSync(dir, { recursive: true });
  const child = await startChild(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/baseline-server.ts'), dir],
    {},
  );
  process.on('exit', () => child.kill());
  const port = await new Promise<number>((resolve) =>
    child.stdout?.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    async transfer(bytes: number): Promise<Transfer> {
      const { ms: uploadMs, result: up } = await timedAtRest(() =>
        httpRequest(`${base}/file`, { method: 'PUT', headers: { 'content-length': bytes }, body: payload(bytes) }),
      );
      const { sha256 } = JSON.parse(up.body);
      return { uploadMs, downloadMs: await timedDownload(`${base}/file/${sha256}`, {}, bytes) };
    },
    pid: child.pid as number,
    stop: () => child.kill(),
  };
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Rounds of one transfer through Gatehouse (`ours`) and one through the bare server, alternating which goes first so
 * that each order comes as often (hence an even number of rounds). The disk of a small virtual machine changes speed
 * from one minute to the next, so each ratio is taken within its round, between two transfers made a few seconds
 * apart, and the median of the rounds' ratios is the figure; median throughputs are printed beside it.
 */
export async function compareTransfers(
  workDir: string,
  bytes: number,
  rounds: number,
  ours: (round: number) => Promise<Transfer>,
) {
  const mbps = (ms: number) => bytes / 1024 / 1024 / (ms / 1000);
  const baseline = await startBaseline(workDir);
  const pairs: { bare: Transfer; ours: Transfer }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const first = round % 2 === 1 ? await ours(round) : null;
    const bare = await baseline.transfer(bytes);
    const mine = first ?? (await ours(round));
    pairs.push({ bare, ours: mine });
    console.log(
      `round ${round + 1} (${first ? 'gatehouse' : 'bare node'} first): upload ${mbps(mine.uploadMs).toFixed(0)} vs ${mbps(bare.uploadMs).toFixed(0)} MB/s, download ${mbps(mine.downloadMs).toFixed(0)} vs ${mbps(bare.downloadMs).toFixed(0)} MB/s`,
    );
  }
  baseline.stop();
  const figure = (key: keyof Transfer) => ({
    ours: mbps(median(pairs.map((p) => p.ours[key]))),
    bare: mbps(median(pairs.map((p) => p.bare[key]))),
    ratio: median(pairs.map((p) => p.bare[key] / p.ours[key])),
  });
  const upload = figure('uploadMs');
  const download = figure('downloadMs');
  const line = (label: string, f: typeof upload) =>
    `${label.padEnd(10)} ${`${f.ours.toFixed(0)} MB/s`.padStart(9)}   ${`${f.bare.toFixed(0)} MB/s`.padStart(9)}   ${f.ratio.toFixed(3)}`;
  console.log(`\ntransfer   gatehouse   bare node   ratio   (median of ${rounds} rounds' ratios, median throughputs)`);
  console.log(line('upload', upload));
  console.log(line('download', download));
  return { upload, download };
}

/**
 * Waits until the server's job queue is empty (search indexing, notifications and thumbnails of what was just
 * uploaded), so that latencies are measured on a server at rest rather than beside thousands of background jobs.
 */
export async function waitForIdleJobs(dataDir: string, timeoutMs = 10 * 60_000): Promise<number> {
  const db = openDatabase({ dialect: 'sqlite', file: join(dataDir, 'gatehouse.db') });
  const started = performance.now();
  try {
    for (;;) {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${row.n} jobs still queued after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await db.destroy();
  }
}
