import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Deps } from '../../../core/context';
import type { DbOrTrx } from '../../../core/db/database';
import { enqueueJob } from '../../../core/jobs/jobs';
import { recordBlob } from '../../../core/storage/blobs.queries';
import { findThumbnailOfContent, insertThumbnail, unsafeGetVersionSource } from './thumbnails.queries';
import { MAX_SOURCE_BYTES, renderThumbnail, type Thumbnail, thumbnailSource } from './thumbnails.render';

/**
 * Makes the thumbnail of one version of an image or a PDF, in the background: decoding a 60-megapixel photo or
 * drawing a PDF page has no place in the upload request. A version is immutable, so the job runs at most once per
 * version with any effect; running it again, late, or after the version was pruned is harmless.
 */
export const THUMBNAIL_JOB = 'documents.thumbnail';

const Payload = z.object({ versionId: z.string().min(1).max(100) });

/**
 * Queues the thumbnail of a new version in the caller's transaction, for the types that get one. Call
 * `ctx.wakeJobs()` after the commit.
 */
export async function queueThumbnail(trx: DbOrTrx, now: Date, input: { versionId: string; mimeType: string }) {
  if (!thumbnailSource(input.mimeType)) return;
  // Few attempts: only storage errors are retried (a file that cannot be decoded ends the job at once).
  await enqueueJob(trx, now, { kind: THUMBNAIL_JOB, payload: { versionId: input.versionId }, maxAttempts: 3 });
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Source = NonNullable<Awaited<ReturnType<typeof unsafeGetVersionSource>>>;

/**
 * Decodes the version's file into a thumbnail, or null when it cannot or should not be: a damaged or disguised
 * file, a decompression bomb, a PDF that does not render in time. That is logged and final — retrying would fail the
 * same way. Reading the file is outside the guard: a storage error fails the job, which is then tried again.
 */
async function render(deps: Deps, version: Source): Promise<Thumbnail | null> {
  const source = thumbnailSource(version.mime_type);
  if (!source || Number(version.size) > MAX_SOURCE_BYTES) return null;
  const stream = await deps.blobs.get(version.blob_sha256, { wrappedKey: version.wrapped_key });
  const bytes = await readCapped(stream, MAX_SOURCE_BYTES);
  if (!bytes) return null;
  try {
    return await renderThumbnail(source, bytes);
  } catch (error) {
    deps.logger.warn(
      { err: error, versionId: version.id, documentId: version.document_id, mimeType: version.mime_type },
      'documents: no thumbnail for this version',
    );
    return null;
  }
}

export async function makeThumbnailJob(payload: unknown, deps: Deps): Promise<void> {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) {
    deps.logger.warn({ payload }, 'documents: malformed thumbnail job ignored');
    return;
  }
  const { versionId } = parsed.data;
  const version = await unsafeGetVersionSource(deps.db, versionId);
  // Pruned by retention or deleted with its document since the job was queued: nothing to show it for.
  if (!version) return;
  const nowIso = () => deps.clock.now().toISOString();
  const twin = await findThumbnailOfContent(deps.db, version.blob_sha256);
  if (twin) {
    const { blob_sha256: sha256, mime_type: mimeType, width, height } = twin;
    await insertThumbnail(deps.db, { versionId, sha256, mimeType, width, height, nowIso: nowIso() });
    return;
  }
  const thumbnail = await render(deps, version);
  if (!thumbnail) return;
  // Stored like any file, so S3 and encryption at rest apply; the `blobs` row makes it known to fsck.
  const put = await deps.blobs.put(Readable.from([thumbnail.data]));
  await deps.db.transaction().execute(async (trx) => {
    await recordBlob(trx, { ...put, storage: deps.blobs.kind, createdAt: nowIso() });
    const { mimeType, width, height } = thumbnail;
    await insertThumbnail(trx, { versionId, sha256: put.sha256, mimeType, width, height, nowIso: nowIso() });
  });
}
