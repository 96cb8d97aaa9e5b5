import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuditInput, record } from '../../../core/audit/audit';
import type { RequestContext } from '../../../core/context';
import { errors } from '../../../core/http/errors';
import { getBlobRow } from '../../../core/storage/blobs.queries';
import { authorizeDocument } from '../documents.access';
import { rangeNotSatisfiable } from '../documents.errors';
import {
  type ByteRange,
  contentDisposition,
  etagMatches,
  mimeTypeFromName,
  parseRange,
  servedContentType,
} from '../documents.models';
import type { DocumentRow } from '../documents.queries';
import { getVersionById, getVersionByNumber, type VersionRow } from '../versions/versions.queries';

/** Every answer carrying file bytes runs with no script, no plugin, no subresource, even when shown inline. */
export const CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** The version to serve (the current one unless `?version=N`) and the key its blob was sealed with. */
export async function openVersion(ctx: RequestContext, input: { id: string; version?: number }) {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  const version =
    input.version === undefined
      ? await getVersionById(ctx.db, { documentId: doc.id, versionId: doc.current_version_id ?? '' })
      : await getVersionByNumber(ctx.db, { documentId: doc.id, number: input.version });
  if (!version) throw errors.notFound('No such version of this document.');
  const blob = await getBlobRow(ctx.db, version.blob_sha256);
  if (!blob) throw new Error(`Version ${version.id} points at blob ${version.blob_sha256}, which has no row`);
  return { doc, facts, version, wrappedKey: blob.wrappedKey };
}

/**
 * One audit record per consultation of content (download, preview, range read, old version, file of a zip), written
 * before the first byte leaves. A 304 or a HEAD reveals no content and is not recorded.
 */
export async function recordConsultation(
  ctx: RequestContext,
  consultations: {
    doc: Pick<DocumentRow, 'id' | 'name' | 'space_id'>;
    version: number;
    range: string | null;
    inline: boolean;
    via?: string;
  }[],
  also: AuditInput[] = [],
) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const event of also) await record(trx, ctx, event);
    for (const item of consultations) {
      await record(trx, ctx, {
        action: item.inline ? 'document.previewed' : 'document.downloaded',
        target: { type: 'document', id: item.doc.id, label: item.doc.name },
        details: {
          spaceId: item.doc.space_id,
          version: item.version,
          range: item.range,
          ...(item.via ? { via: item.via } : {}),
        },
      });
    }
  });
}

function chooseRange(request: FastifyRequest, etag: string, size: number): ByteRange | null {
  // If-Range: a client resuming with an outdated copy gets the whole current file instead of a spliced one.
  const ifRange = request.headers['if-range'];
  if (ifRange && ifRange !== etag) return null;
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable') throw rangeNotSatisfiable(undefined, { 'Content-Range': `bytes */${size}` });
  return range;
}

/**
 * Fastify's automatic HEAD route resets Content-Length to 0 for an empty payload but keeps ours when the payload is a
 * stream (which it drains): an empty stream lets HEAD announce the real size without opening the blob.
 */
export function headBody(): Readable {
  return Readable.from([]);
}

type ContentRequest = FastifyRequest & {
  params: { id: string };
  query: { version?: number; inline?: '0' | '1' };
  ctx: RequestContext;
};

/**
 * GET/HEAD /documents/:id/content. Strong ETag (the blob's hash), one byte range (206), 416 outside the file.
 * Only harmless types are shown inline, and only on request; everything else is an octet-stream attachment.
 */
export async function sendDocumentContent(request: ContentRequest, reply: FastifyReply): Promise<FastifyReply> {
  const ctx = request.ctx;
  const { doc, version, wrappedKey } = await openVersion(ctx, {
    id: request.params.id,
    version: request.query.version,
  });
  const size = Number(version.size);
  const etag = `"${version.blob_sha256}"`;
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).header('ETag', etag).send();
  const range = chooseRange(request, etag, size);
  const served = servedContentType(mimeTypeFromName(doc.name));
  const inline = request.query.inline === '1' && served.inlineAllowed;
  reply
    .code(range ? 206 : 200)
    .header('ETag', etag)
    .header('Accept-Ranges', 'bytes')
    .header('Content-Type', served.type)
    .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', doc.name))
    .header('Content-Length', String(range ? range.end - range.start + 1 : size));
  if (range) reply.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  if (request.method === 'HEAD') return reply.send(headBody());
  return streamVersion(ctx, reply, { doc, version, wrappedKey, range, inline });
}

async function streamVersion(
  ctx: RequestContext,
  reply: FastifyReply,
  args: { doc: DocumentRow; version: VersionRow; wrappedKey: string | null; range: ByteRange | null; inline: boolean },
) {
  const { range } = args;
  const stream = await ctx.blobs.get(args.version.blob_sha256, {
    wrappedKey: args.wrappedKey,
    ...(range ? { start: range.start, end: range.end } : {}),
  });
  try {
    await recordConsultation(ctx, [
      {
        doc: args.doc,
        version: Number(args.version.number),
        range: range ? `bytes=${range.start}-${range.end}` : null,
        inline: args.inline,
      },
    ]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return reply.send(stream);
}
