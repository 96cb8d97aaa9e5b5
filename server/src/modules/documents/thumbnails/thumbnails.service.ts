import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../../core/context';
import { errors } from '../../../core/http/errors';
import { authorizeDocument } from '../documents.access';
import { etagMatches } from '../documents.models';
import { getVersionById, getVersionByNumber } from '../versions/versions.queries';
import { getThumbnail } from './thumbnails.queries';

/**
 * A versioned address never changes content, so the browser may keep it a little; the current version's address
 * does, so it is checked again each time (a 304 costs one small request). Both stay short and private: a person who
 * loses access keeps nothing for long, and no shared cache ever holds them.
 */
const VERSIONED_CACHE = 'private, max-age=600';
const CURRENT_CACHE = 'private, max-age=0, must-revalidate';

export const thumbnailCacheControl = (query: { version?: number }) =>
  query.version === undefined ? CURRENT_CACHE : VERSIONED_CACHE;

/**
 * The thumbnail of a document's current version (or of `version`), for whoever may preview the document: same
 * action, same 404 for a document out of sight. "No thumbnail" (not an image, not made yet, could not be made) is a
 * 404 too, which tells nothing to someone who cannot see the document since they get that 404 first.
 */
export async function openThumbnail(ctx: RequestContext, input: { id: string; version?: number }) {
  const { doc } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  const version =
    input.version === undefined
      ? await getVersionById(ctx.db, { documentId: doc.id, versionId: doc.current_version_id ?? '' })
      : await getVersionByNumber(ctx.db, { documentId: doc.id, number: input.version });
  if (!version) throw errors.notFound('No such version of this document.');
  const thumbnail = await getThumbnail(ctx.db, version.id);
  if (!thumbnail) throw errors.notFound('This version has no thumbnail.');
  return thumbnail;
}

type ThumbnailRequest = FastifyRequest & { params: { id: string }; query: { version?: number }; ctx: RequestContext };

/**
 * GET/HEAD /documents/:id/thumbnail. Not a consultation, so nothing is written to the audit log: a listing asks for
 * one per image on screen, which would bury the real previews and downloads under noise. It gives away no more than
 * the person may already open in a preview (which is traced), and not the file itself: a re-encoded image of
 * 256 px at most, without its metadata, and for PDFs the first page only.
 */
export async function sendThumbnail(request: ThumbnailRequest, reply: FastifyReply): Promise<FastifyReply> {
  const thumbnail = await openThumbnail(request.ctx, { id: request.params.id, version: request.query.version });
  const etag = `"${thumbnail.blob_sha256}"`;
  reply.header('ETag', etag);
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const stream = await request.ctx.blobs.get(thumbnail.blob_sha256, { wrappedKey: thumbnail.wrapped_key });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return reply
    .code(200)
    .header('Content-Type', thumbnail.mime_type)
    .header('Content-Length', String(body.length))
    .send(body);
}
