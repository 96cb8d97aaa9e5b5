import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { compareTransfers, startGatehouse, type Transfer, timedDownload, waitForIdleJobs } from './gatehouse';
import { seedSearchCorpus } from './search-corpus';
import { httpRequest, payload, percentile, rssMb, sampleRss, timedAtRest } from './support';

/**
 * `npm run bench:files` — figures, not assertions. Upload and download of a large file through Gatehouse's real API
 * beside a bare Node.js stream server doing the same essential work on the same disk (the ceiling), the server's peak
 * RSS during the transfers, listing a 10,000-file folder and searching 100,000 indexed documents.
 * Sizes can be reduced for a quick run: BENCH_FILE_MB, BENCH_LIST_FILES, BENCH_SEARCH_DOCS, BENCH_ROUNDS.
 */
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 1024);
const LIST_FILES = Number(process.env.BENCH_LIST_FILES ?? 10_000);
const SEARCH_DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const bytes = FILE_MB * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));

function multipart(name: string, size: number, body: Readable) {
  const boundary = `----gatehouse-bench-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts() {
    yield head;
    yield* body;
    yield tail;
  }
  return {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + size + tail.length,
    },
    body: Readable.from(parts()),
  };
}

type Gatehouse = Awaited<ReturnType<typeof startGatehouse>>;

/** One upload and one download of the big file through the real API. */
async function transfer(gh: Gatehouse, round: number): Promise<Transfer> {
  const { base, auth, space } = gh;
  const upload = multipart(`big-${round}.bin`, bytes, payload(bytes));
  const { ms: uploadMs, result: up } = await timedAtRest(() =>
    httpRequest(`${base}/api/v1/spaces/${space.id}/documents`, {
      method: 'POST',
      headers: { ...upload.headers, ...auth },
      body: upload.body,
    }),
  );
  if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${up.body}`);
  const document = JSON.parse(up.body).document;
  const downloadMs = await timedDownload(`${base}/api/v1/documents/${document.id}/content`, auth, bytes);
  return { uploadMs, downloadMs };
}

async function gatehouse() {
  const gh = await startGatehouse(join(work, 'gatehouse'));
  const { base, auth, json, space, pid } = gh;
  const idleRss = rssMb(pid);
  const stopSampling = sampleRss(pid);
  const transfers = await compareTransfers(work, bytes, ROUNDS, (round) => transfer(gh, round));
  const peakRss = stopSampling();

  const folder = JSON.parse(
    (
      await httpRequest(`${base}/api/v1/spaces/${space.id}/folders`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({ name: 'Many' }),
      })
    ).body,
  ).folder;
  let next = 0;
  const uploadSmall = async () => {
    while (next < LIST_FILES) {
      const index = next++;
      const small = multipart(
        `file-${String(index).padStart(5, '0')}.txt`,
        16,
        Readable.from([Buffer.from(`content ${index}`.padEnd(16))]),
      );
      const boundary = small.headers['content-type'].split('boundary=')[1];
      const field = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="folderId"\r\n\r\n${folder.id}\r\n`,
      );
      const body = Readable.from(
        (async function* () {
          yield field;
          yield* small.body;
        })(),
      );
      const response = await httpRequest(`${base}/api/v1/spaces/${space.id}/documents`, {
        method: 'POST',
        headers: {
          ...auth,
          'content-type': small.headers['content-type'],
          'content-length': small.headers['content-length'] + field.length,
        },
        body,
      });
      if (response.status !== 201) throw new Error(`small upload failed: ${response.status} ${response.body}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, uploadSmall));
  const drainedMs = await waitForIdleJobs(join(work, 'gatehouse'));
  console.log(`(background jobs of the uploads finished ${(drainedMs / 1000).toFixed(0)} s after the last upload)`);
  // What a person waits for when they open the folder: its first page (the web app loads the rest as they scroll).
  const listTimes: number[] = [];
  const listUrl = `${base}/api/v1/spaces/${space.id}/files?folderId=${folder.id}`;
  // Five warm-up requests (compilation, caches) are not counted; then 100 are.
  for (let i = 0; i < 105; i += 1) {
    const t = performance.now();
    const listing = await httpRequest(listUrl, { method: 'GET', headers: auth });
    if (i >= 5) listTimes.push(performance.now() - t);
    if (i === 0 && JSON.parse(listing.body).counts.documents !== LIST_FILES) throw new Error('listing is incomplete');
  }
  // And the whole folder, page after page, to show that no page costs more for being far down the list.
  const walkTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = await httpRequest(`${listUrl}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
        method: 'GET',
        headers: auth,
      });
      const body = JSON.parse(page.body);
      seen += body.documents.length;
      cursor = body.nextCursor;
    } while (cursor);
    walkTimes.push(performance.now() - t);
    if (seen !== LIST_FILES) throw new Error(`walking the folder saw ${seen} files`);
  }

  const search = await seedSearchCorpus({
    base,
    auth,
    spaceId: space.id,
    dataDir: join(work, 'gatehouse'),
    documents: SEARCH_DOCS,
  });
  gh.stop();
  return { transfers, peakRss, idleRss, listTimes, walkTimes, search };
}

try {
  console.log(
    `Gatehouse file benchmark — ${FILE_MB} MiB file, ${LIST_FILES} files in a folder, ${SEARCH_DOCS} indexed documents\n`,
  );
  const gh = await gatehouse();
  const figures = {
    upload_ratio: Number(gh.transfers.upload.ratio.toFixed(3)),
    download_ratio: Number(gh.transfers.download.ratio.toFixed(3)),
    peak_rss_mb: Math.round(gh.peakRss),
    list_p99_ms: Number(percentile(gh.listTimes, 99).toFixed(1)),
    search_p99_ms: Number(percentile(gh.search.typical.times, 99).toFixed(1)),
  };
  console.log(`\npeak server RSS during transfers: ${figures.peak_rss_mb} MB (idle ${Math.round(gh.idleRss)} MB)`);
  console.log(
    `list a folder of ${LIST_FILES} files (first page of 200): p50 ${percentile(gh.listTimes, 50).toFixed(1)} ms, p99 ${figures.list_p99_ms} ms`,
  );
  console.log(
    `walk all ${LIST_FILES} files in pages of 1,000: p50 ${percentile(gh.walkTimes, 50).toFixed(0)} ms for the whole folder`,
  );
  const { typical, worst } = gh.search;
  console.log(
    `search ${SEARCH_DOCS} docs, typical two-word queries (${typical.hitsPerQuery.toFixed(1)} results each): p50 ${percentile(typical.times, 50).toFixed(1)} ms, p99 ${figures.search_p99_ms} ms`,
  );
  console.log(
    `  worst case, two words found in nearly every document: p50 ${percentile(worst.times, 50).toFixed(1)} ms, p99 ${percentile(worst.times, 99).toFixed(1)} ms`,
  );
  console.log('goals: ratios >= 0.8, peak RSS < 300 MB, list p99 < 50 ms, search p99 < 100 ms');
  console.log(JSON.stringify(figures));
} finally {
  rmSync(work, { recursive: true, force: true });
}
