import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { measureBaseline, startGatehouse, waitForIdleJobs } from './gatehouse';
import { httpRequest, payload, percentile, settle } from './support';

/**
 * `npm run bench:dav` — figures, not assertions: PUT and GET of a large file over WebDAV beside a bare Node.js stream
 * server on the same disk (the ceiling), and the latency of a depth-1 PROPFIND on a 10,000-entry folder.
 * Smaller runs: BENCH_FILE_MB, BENCH_PROPFIND_ENTRIES.
 */
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 1024);
const ENTRIES = Number(process.env.BENCH_PROPFIND_ENTRIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values: number[]) => percentile(values, 50);
const bytes = FILE_MB * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'gatehouse-bench-dav-'));
const mbps = (ms: number) => bytes / 1024 / 1024 / (ms / 1000);

try {
  console.log(`Gatehouse WebDAV benchmark — ${FILE_MB} MiB file, PROPFIND on ${ENTRIES} entries\n`);
  const gh = await startGatehouse(join(work, 'gatehouse'));
  const dav = `${gh.base}/dav/${gh.space.slug}`;
  // Rounds alternate the bare server and Gatehouse, and which of them goes first, so that a slow moment of the disk
  // or the machine hits both; every timed transfer starts from a machine at rest (see settle()).
  const bareRounds: { uploadMs: number; downloadMs: number }[] = [];
  const rounds: { putMs: number; getMs: number }[] = [];
  const overDav = async (round: number) => {
    await settle();
    let started = performance.now();
    const put = await httpRequest(`${dav}/big-${round}.bin`, {
      method: 'PUT',
      headers: { ...gh.basic, 'content-length': bytes },
      body: payload(bytes),
    });
    const putMs = performance.now() - started;
    if (put.status !== 201 && put.status !== 204) throw new Error(`PUT failed: ${put.status} ${put.body}`);
    await settle();
    started = performance.now();
    const get = await httpRequest(`${dav}/big-${round}.bin`, { method: 'GET', headers: gh.basic });
    const getMs = performance.now() - started;
    if (get.bytes !== bytes) throw new Error(`GET size mismatch: ${get.bytes}`);
    rounds.push({ putMs, getMs });
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 1) await overDav(round);
    bareRounds.push(await measureBaseline(work, bytes));
    if (round % 2 === 0) await overDav(round);
  }
  const bare = {
    uploadMs: median(bareRounds.map((r) => r.uploadMs)),
    downloadMs: median(bareRounds.map((r) => r.downloadMs)),
  };
  const putMs = median(rounds.map((r) => r.putMs));
  const getMs = median(rounds.map((r) => r.getMs));

  const mkcol = await httpRequest(`${dav}/many/`, { method: 'MKCOL', headers: gh.basic });
  if (mkcol.status !== 201) throw new Error(`MKCOL failed: ${mkcol.status}`);
  let next = 0;
  const fill = async () => {
    while (next < ENTRIES) {
      const index = next++;
      const body = Buffer.from(`entry ${index}\n`);
      const response = await httpRequest(`${dav}/many/entry-${String(index).padStart(5, '0')}.txt`, {
        method: 'PUT',
        headers: { ...gh.basic, 'content-length': body.length },
        body: Readable.from([body]),
      });
      if (response.status !== 201) throw new Error(`small PUT failed: ${response.status} ${response.body}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, fill));
  const drainedMs = await waitForIdleJobs(join(work, 'gatehouse'));
  console.log(`(background jobs of the uploads finished ${(drainedMs / 1000).toFixed(0)} s after the last upload)`);
  const propfind = '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>';
  const listFolder = async () => {
    const response = await httpRequest(`${dav}/many/`, {
      method: 'PROPFIND',
      headers: {
        ...gh.basic,
        depth: '1',
        'content-type': 'application/xml',
        'content-length': Buffer.byteLength(propfind),
      },
      body: propfind,
    });
    if (response.status !== 207) throw new Error(`PROPFIND failed: ${response.status}`);
  };
  const timed = async (samples: number, before: (i: number) => Promise<void>) => {
    const times: number[] = [];
    // Five warm-up requests (compilation, caches) are not counted.
    for (let i = 0; i < samples + 5; i += 1) {
      await before(i);
      const t = performance.now();
      await listFolder();
      if (i >= 5) times.push(performance.now() - t);
    }
    return times;
  };
  // The folder as clients list it again and again (Finder, Explorer): unchanged since the last listing.
  const times = await timed(100, async () => {});
  // Right after a change in the folder (a property set on one member, not timed): rendered anew every time.
  const changed = await timed(50, async (i) => {
    const body = `<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><b:round xmlns:b="urn:bench">${i}</b:round></D:prop></D:set></D:propertyupdate>`;
    const patched = await httpRequest(`${dav}/many/entry-00000.txt`, {
      method: 'PROPPATCH',
      headers: { ...gh.basic, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) },
      body,
    });
    if (patched.status !== 207) throw new Error(`PROPPATCH failed: ${patched.status}`);
  });
  gh.stop();

  const figures = {
    put_ratio: Number((bare.uploadMs / putMs).toFixed(3)),
    get_ratio: Number((bare.downloadMs / getMs).toFixed(3)),
    propfind_p99_ms: Number(percentile(times, 99).toFixed(1)),
    propfind_changed_p99_ms: Number(percentile(changed, 99).toFixed(1)),
  };
  console.log(`transfer   gatehouse   bare node   ratio   (medians of ${ROUNDS} alternating rounds)`);
  console.log(
    `PUT        ${`${mbps(putMs).toFixed(0)} MB/s`.padStart(9)}   ${`${mbps(bare.uploadMs).toFixed(0)} MB/s`.padStart(9)}   ${figures.put_ratio}`,
  );
  console.log(
    `GET        ${`${mbps(getMs).toFixed(0)} MB/s`.padStart(9)}   ${`${mbps(bare.downloadMs).toFixed(0)} MB/s`.padStart(9)}   ${figures.get_ratio}`,
  );
  console.log(`PROPFIND depth 1 on ${ENTRIES} entries:`);
  console.log(
    `  listed again, unchanged:  p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${figures.propfind_p99_ms} ms`,
  );
  console.log(
    `  right after a change:     p50 ${percentile(changed, 50).toFixed(1)} ms, p99 ${figures.propfind_changed_p99_ms} ms (rendered anew)`,
  );
  console.log('goals: ratios >= 0.8, PROPFIND p99 < 100 ms');
  console.log(JSON.stringify(figures));
} finally {
  rmSync(work, { recursive: true, force: true });
}
