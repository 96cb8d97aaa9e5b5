import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { compareTransfers, startGatehouse, type Transfer, timedDownload, waitForIdleJobs } from './gatehouse';
import { httpRequest, payload, percentile, timedAtRest } from './support';

/**
 * `npm run bench:dav` — figures, not assertions: PUT and GET of a large file over WebDAV beside a bare Node.js stream
 * server on the same disk (the ceiling), and the latency of a depth-1 PROPFIND on a 10,000-entry folder.
 * Smaller runs: BENCH_FILE_MB, BENCH_PROPFIND_ENTRIES.
 */
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 1024);
const ENTRIES = Number(process.env.BENCH_PROPFIND_ENTRIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const bytes = FILE_MB * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'gatehouse-bench-dav-'));

try {
  console.log(`Gatehouse WebDAV benchmark — ${FILE_MB} MiB file, PROPFIND on ${ENTRIES} entries\n`);
  const gh = await startGatehouse(join(work, 'gatehouse'));
  const dav = `${gh.base}/dav/${gh.space.slug}`;
  const overDav = async (round: number): Promise<Transfer> => {
    const { ms: uploadMs, result: put } = await timedAtRest(() =>
      httpRequest(`${dav}/big-${round}.bin`, {
        method: 'PUT',
        headers: { ...gh.basic, 'content-length': bytes },
        body: payload(bytes),
      }),
    );
    if (put.status !== 201 && put.status !== 204) throw new Error(`PUT failed: ${put.status} ${put.body}`);
    return { uploadMs, downloadMs: await timedDownload(`${dav}/big-${round}.bin`, gh.basic, bytes) };
  };
  const transfers = await compareTransfers(work, bytes, ROUNDS, overDav);

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
    put_ratio: Number(transfers.upload.ratio.toFixed(3)),
    get_ratio: Number(transfers.download.ratio.toFixed(3)),
    propfind_p99_ms: Number(percentile(times, 99).toFixed(1)),
    propfind_changed_p99_ms: Number(percentile(changed, 99).toFixed(1)),
  };
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
