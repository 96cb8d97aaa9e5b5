import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import type { HttpClient } from '../../../../test/http-client';
import { checkBlobStore } from '../../../core/storage/fsck';
import { minimalPdf } from '../../search/search.test-fixtures';
import { auditEvents, type Cast, spaceWithCast, text, uploaded } from '../documents.test-helpers';
import { THUMBNAIL_JOB } from './thumbnails.jobs';
import { MAX_INPUT_PIXELS, renderImageThumbnail, renderPdfFirstPage } from './thumbnails.render';
import { bilevelPng, twoToneImage } from './thumbnails.test-fixtures';

let server: TestServer;
let cast: Cast;

beforeAll(async () => {
  // Encrypted at rest: the job must read the original through its wrapped key, and its image is sealed the same way.
  server = await startTestServer({ env: { ENCRYPTION_MASTER_KEY: randomBytes(32).toString('base64') } });
  cast = await spaceWithCast(server);
});
afterAll(async () => {
  await server?.close();
});

const thumbnailOf = (client: HttpClient, id: string, query = '', headers: Record<string, string> = {}) =>
  client.getBytes(`/api/v1/documents/${id}/thumbnail${query}`, headers);

async function rgbAt(image: Buffer, x: number, y: number) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

const thumbnailJobs = () =>
  server.deps.db.selectFrom('jobs').select(['status', 'payload']).where('kind', '=', THUMBNAIL_JOB).execute();

describe(`GET /api/v1/documents/:id/thumbnail (${testDialect})`, () => {
  it('a PNG uploaded gets a WebP thumbnail of 256 px at most once the job ran, which every member may fetch', async () => {
    const document = await uploaded(
      cast.contributor,
      cast.spaceId,
      'site plan.png',
      await twoToneImage(1200, 800, 'png'),
    );
    const early = await thumbnailOf(cast.viewer, document.id);
    expect(early.status).toBe(404);
    expect(early.problem?.code).toBe('http.not_found');
    expect(early.headers.get('cache-control')).toBe('no-store');
    expect(document.hasThumbnail).toBe(false);

    await server.runJobs();
    const listed = (await cast.viewer.get(`/api/v1/documents/${document.id}`)).body.document;
    expect(listed.hasThumbnail).toBe(true);
    const response = await thumbnailOf(cast.viewer, document.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    const meta = await sharp(response.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 171]);
    const [red, , blue] = await rgbAt(response.bytes, 128, 20);
    expect([red > 180, blue < 80]).toEqual([true, true]);
    expect((await rgbAt(response.bytes, 128, 150))[2]).toBeGreaterThan(180);
    for (const role of ['owner', 'manager', 'contributor'] as const) {
      expect((await thumbnailOf(cast[role], document.id)).status).toBe(200);
    }
  });

  it('a sideways JPEG is turned upright and loses its EXIF; fetching thumbnails leaves no trace in the audit log', async () => {
    const photo = await twoToneImage(600, 300, 'jpeg', { orientation: 6 });
    const document = await uploaded(cast.contributor, cast.spaceId, 'photo.JPG', photo);
    await server.runJobs();
    const response = await thumbnailOf(cast.viewer, document.id);
    expect(response.status).toBe(200);
    const meta = await sharp(response.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([128, 256]);
    expect(meta.exif).toBeUndefined();
    // Orientation 6 turns the picture a quarter clockwise: its red top ends on the right.
    expect((await rgbAt(response.bytes, 120, 128))[0]).toBeGreaterThan(180);
    expect((await rgbAt(response.bytes, 8, 128))[2]).toBeGreaterThan(180);
    expect(await auditEvents(server, 'document.previewed', document.id)).toEqual([]);
    expect(await auditEvents(server, 'document.downloaded', document.id)).toEqual([]);
  });

  it('an unchanged thumbnail answers 304, and ?version=N serves an older version, cacheable a while', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'logo.png', await twoToneImage(300, 300, 'png'));
    const upload = await cast.contributor.upload(
      `/api/v1/documents/${document.id}/versions`,
      {},
      'logo.png',
      await twoToneImage(500, 100, 'png'),
    );
    expect(upload.status, upload.text).toBe(201);
    await server.runJobs();
    const current = await thumbnailOf(cast.viewer, document.id);
    expect((await sharp(current.bytes).metadata()).width).toBe(256);
    expect((await sharp(current.bytes).metadata()).height).toBe(51);
    const again = await thumbnailOf(cast.viewer, document.id, '', {
      'if-none-match': current.headers.get('etag') ?? '',
    });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const first = await thumbnailOf(cast.viewer, document.id, '?version=1');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, max-age=600');
    expect([(await sharp(first.bytes).metadata()).width, (await sharp(first.bytes).metadata()).height]).toEqual([
      256, 256,
    ]);
    expect((await thumbnailOf(cast.viewer, document.id, '?version=9')).status).toBe(404);
  });

  it('someone outside the space gets 404 and an anonymous caller 401, like for a preview', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'secret.png', await twoToneImage(64, 64, 'png'));
    await server.runJobs();
    expect((await thumbnailOf(cast.viewer, document.id)).status).toBe(200);
    const outsider = await thumbnailOf(cast.outsider, document.id);
    expect(outsider.status).toBe(404);
    expect(outsider.problem?.code).toBe('http.not_found');
    expect(outsider.headers.get('etag')).toBeNull();
    expect((await thumbnailOf(server.client(), document.id)).status).toBe(401);
  });

  it('a text file gets no thumbnail job and answers 404', async () => {
    const before = (await thumbnailJobs()).length;
    const document = await uploaded(cast.contributor, cast.spaceId, 'notes.txt', text('not a picture'));
    expect((await thumbnailJobs()).length).toBe(before);
    await server.runJobs();
    expect((await thumbnailOf(cast.viewer, document.id)).status).toBe(404);
  });

  it('the first page of a PDF becomes a thumbnail with its text drawn', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'letter.pdf', minimalPdf('Quarterly invoice'));
    await server.runJobs();
    const response = await thumbnailOf(cast.viewer, document.id);
    expect(response.status).toBe(200);
    const meta = await sharp(response.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([198, 256]);
    const { channels } = await sharp(response.bytes).stats();
    // A white page (a blank render would be all white) with dark text on it.
    expect(channels[0].max).toBe(255);
    expect(channels[0].min).toBeLessThan(200);
  });
});

describe(`thumbnails of hostile or broken files (${testDialect})`, () => {
  it('a decompression bomb (900 megapixels in 110 kB) gets no thumbnail, and its job ends without retry', async () => {
    const bomb = bilevelPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200_000);
    const document = await uploaded(cast.contributor, cast.spaceId, 'bomb.png', bomb);
    const started = Date.now();
    await server.runJobs();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await thumbnailOf(cast.viewer, document.id)).status).toBe(404);
    const jobs = await thumbnailJobs();
    expect(jobs.every((job) => job.status === 'done')).toBe(true);
    expect((await cast.viewer.get(`/api/v1/documents/${document.id}`)).status).toBe(200);
  });

  it("the pixel limit, lower than sharp's default, refuses 100 megapixels while 9 megapixels pass", async () => {
    // sharp's own default (268 megapixels) would let this one through: the refusal comes from our limit.
    expect(10_000 * 10_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    await expect(renderImageThumbnail(bilevelPng(10_000, 10_000))).rejects.toThrow(/pixel limit/);
    const wide = await renderImageThumbnail(bilevelPng(9_000, 1_000));
    expect([wide.width, wide.height]).toEqual([256, 28]);
  });

  it('a PDF that is not drawn before the deadline is given up, its thread terminated', async () => {
    const pdf = Buffer.from(minimalPdf('Too slow'));
    await expect(renderPdfFirstPage(pdf, 1)).rejects.toThrow(/took too long/);
    expect((await renderPdfFirstPage(pdf)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a ".png" holding SVG, and a truncated JPEG, get no thumbnail', async () => {
    const svg = text(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>',
    );
    const jpeg = await twoToneImage(400, 400, 'jpeg');
    const disguised = await uploaded(cast.contributor, cast.spaceId, 'disguised.png', svg);
    const truncated = await uploaded(cast.contributor, cast.spaceId, 'cut.jpg', jpeg.subarray(0, 600));
    await server.runJobs();
    expect((await thumbnailOf(cast.viewer, disguised.id)).status).toBe(404);
    expect((await thumbnailOf(cast.viewer, truncated.id)).status).toBe(404);
    expect((await thumbnailJobs()).every((job) => job.status === 'done')).toBe(true);
  });
});

describe(`thumbnails and the file store (${testDialect})`, () => {
  const versionIds = (documentId: string) =>
    server.deps.db
      .selectFrom('document_versions')
      .select(['id', 'number'])
      .where('document_id', '=', documentId)
      .orderBy('number')
      .execute();

  it('a restored version shows the thumbnail already made from the same content, without a new image', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'map.png', await twoToneImage(400, 200, 'png'));
    await cast.contributor.upload(
      `/api/v1/documents/${document.id}/versions`,
      {},
      'map.png',
      await twoToneImage(90, 90, 'png'),
    );
    await server.runJobs();
    const [v1] = await versionIds(document.id);
    const blobsBefore = await server.deps.db.selectFrom('blobs').select('sha256').execute();
    const restored = await cast.contributor.post(`/api/v1/documents/${document.id}/versions/${v1.id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    await server.runJobs();
    const current = await thumbnailOf(cast.viewer, document.id);
    const first = await thumbnailOf(cast.viewer, document.id, '?version=1');
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await server.deps.db.selectFrom('blobs').select('sha256').execute()).toHaveLength(blobsBefore.length);
  });

  it('version retention removes the thumbnails of the versions it prunes', async () => {
    const space = await spaceWithCast(server);
    const settings = await space.manager.patch(`/api/v1/spaces/${space.spaceId}/document-settings`, {
      keepVersions: 1,
    });
    expect(settings.status, settings.text).toBe(200);
    const document = await uploaded(space.contributor, space.spaceId, 'draft.png', await twoToneImage(80, 80, 'png'));
    await server.runJobs();
    const [v1] = await versionIds(document.id);
    const kept = () =>
      server.deps.db.selectFrom('document_thumbnails').select('version_id').where('version_id', '=', v1.id).execute();
    expect(await kept()).toHaveLength(1);
    const next = await space.contributor.upload(
      `/api/v1/documents/${document.id}/versions`,
      {},
      'draft.png',
      await twoToneImage(70, 70, 'png'),
    );
    expect(next.status, next.text).toBe(201);
    expect((await versionIds(document.id)).map((version) => version.number)).toEqual([2]);
    expect(await kept()).toEqual([]);
    expect((await thumbnailOf(space.viewer, document.id, '?version=1')).status).toBe(404);
  });

  it('thumbnail images are sealed at rest like files, and fsck counts them as referenced', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'seal.png', await twoToneImage(120, 60, 'png'));
    await server.runJobs();
    const thumbnail = await server.deps.db
      .selectFrom('document_thumbnails as t')
      .innerJoin('document_versions as v', 'v.id', 't.version_id')
      .innerJoin('blobs as b', 'b.sha256', 't.blob_sha256')
      .select(['b.sha256', 'b.wrapped_key'])
      .where('v.document_id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(thumbnail.wrapped_key).toEqual(expect.any(String));
    const report = await checkBlobStore({
      db: server.deps.db,
      blobs: server.deps.blobs,
      // A day later, so no blob is young enough to be spared as an upload in flight.
      now: new Date(Date.now() + 24 * 3_600_000),
      verifyHashes: true,
      repair: true,
    });
    expect(report.problems).toEqual([]);
    expect(report.removedOrphans).toEqual([]);
    expect(await server.deps.blobs.stat(thumbnail.sha256)).not.toBeNull();
    expect((await thumbnailOf(cast.viewer, document.id)).status).toBe(200);
  });
});
