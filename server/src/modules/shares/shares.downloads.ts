import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../core/context';
import { newId } from '../../core/ids';
import {
  type ByteRange,
  contentDisposition,
  etagMatches,
  headBody,
  livePaths,
  mimeTypeFromName,
  openVersion,
  parseRange,
  rangeNotSatisfiable,
  recordConsultation,
  sendZip,
  servedContentType,
  unsafeListLiveDocumentsIn,
} from '../documents';
import { documentWithinShare, folderWithinShare } from './shares.public.service';
import { completeAccess, countDownload, insertAccess } from './shares.queries';
import { ensureUnlocked, type OpenShare, openShare, type TokenRequest } from './shares.visitor';

const VIA = 'share_link';

/**
 * Runs `done` once the response has handed its last byte to the network. A visitor who drops the connection midway
 * never reaches it: a download counts against the link's limit when it completed, not when it started (mail scanners
 * and interrupted transfers burn nothing).
 */
function whenCompleted(ctx: RequestContext, reply: FastifyReply, done: () => Promise<unknown>) {
  reply.raw.once('finish', () => {
    done().catch((error) => ctx.logger.error({ err: error }, 'recording a completed share download failed'));
  });
}

async function startAccess(
  share: OpenShare,
  entry: { kind: 'download' | 'zip'; documentId: string | null; what: string; version: number | null },
) {
  const ctx = share.visitor;
  const id = newId();
  await insertAccess(ctx.db, {
    id,
    link_id: share.link.id,
    at: ctx.clock.now().toISOString(),
    ip: ctx.ip,
    email: share.grant?.email ?? null,
    kind: entry.kind,
    document_id: entry.documentId,
    what: entry.what,
    version: entry.version,
    completed_at: null,
  });
  return id;
}

function finishAccess(share: OpenShare, reply: FastifyReply, input: { accessId: string; counts: boolean }) {
  const ctx = share.visitor;
  whenCompleted(ctx, reply, () =>
    ctx.db.transaction().execute(async (trx) => {
      await completeAccess(trx, { id: input.accessId, nowIso: ctx.clock.now().toISOString() });
      if (input.counts) await countDownload(trx, share.link.id);
    }),
  );
}

/**
 * A byte range, only on links without a download limit: partial requests never complete a whole download, so
 * honouring them on a limited link would let a client fetch the file piece by piece forever.
 */
function rangeFor(request: TokenRequest, share: OpenShare, etag: string, size: number): ByteRange | null {
  if (share.link.max_downloads !== null) return null;
  const ifRange = request.headers['if-range'];
  if (ifRange && ifRange !== etag) return null;
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable') throw rangeNotSatisfiable(undefined, { 'Content-Range': `bytes */${size}` });
  return range;
}

/** GET /share/:token/content and /share/:token/documents/:id/content: the file, audited like every download. */
export async function sendSharedDocument(request: TokenRequest, reply: FastifyReply, documentId?: string) {
  const share = await openShare(request);
  const creator = ensureUnlocked(share);
  const { doc, path } = await documentWithinShare(share.visitor, share, documentId ?? share.link.document_id ?? '');
  // The current version, read with the creator's rights (the documents module authorizes them again).
  const { version, wrappedKey } = await openVersion(creator, { id: doc.id });
  const size = Number(version.size);
  const etag = `"${version.blob_sha256}"`;
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).header('ETag', etag).send();
  const range = rangeFor(request, share, etag, size);
  reply
    .code(range ? 206 : 200)
    .header('ETag', etag)
    .header('Content-Type', servedContentType(mimeTypeFromName(doc.name)).type)
    .header('Content-Disposition', contentDisposition('attachment', doc.name))
    .header('Content-Length', String(range ? range.end - range.start + 1 : size));
  if (share.link.max_downloads === null) reply.header('Accept-Ranges', 'bytes');
  if (range) reply.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  if (request.method === 'HEAD') return reply.send(headBody());

  const stream = await share.visitor.blobs.get(version.blob_sha256, {
    wrappedKey,
    ...(range ? { start: range.start, end: range.end } : {}),
  });
  let accessId: string;
  try {
    const number = Number(version.number);
    accessId = await startAccess(share, { kind: 'download', documentId: doc.id, what: path, version: number });
    const rangeText = range ? `bytes=${range.start}-${range.end}` : null;
    await recordConsultation(share.visitor, [{ doc, version: number, range: rangeText, inline: false, via: VIA }]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  finishAccess(share, reply, { accessId, counts: range === null });
  return reply.send(stream);
}

/**
 * GET /share/:token/zip: the shared folder (or a sub-folder of it) as a stored zip streamed from the file store, like
 * the documents module's own zip; each file is audited as a consultation through the link.
 */
export async function sendSharedZip(request: TokenRequest, reply: FastifyReply, folderId?: string) {
  const share = await openShare(request);
  ensureUnlocked(share);
  const ctx = share.visitor;
  const { folder, breadcrumb } = await folderWithinShare(ctx, share, folderId);
  const paths = await livePaths(ctx, folder);
  const documents = await unsafeListLiveDocumentsIn(ctx.db, [...paths.keys()]);
  reply
    .header('Content-Type', 'application/zip')
    .header('Content-Disposition', contentDisposition('attachment', `${folder.name}.zip`));
  if (request.method === 'HEAD') return reply.send(headBody());

  const what = `${breadcrumb.map((item) => item.name).join('/')}.zip`;
  const accessId = await startAccess(share, { kind: 'zip', documentId: null, what, version: null });
  await recordConsultation(
    ctx,
    documents.map((doc) => ({ doc, version: Number(doc.version), range: null, inline: false, via: VIA })),
    [
      {
        action: 'folder.downloaded',
        target: { type: 'folder', id: folder.id, label: folder.name },
        details: { spaceId: folder.space_id, files: documents.length, via: VIA },
      },
    ],
  );
  finishAccess(share, reply, { accessId, counts: true });
  return sendZip(ctx, request, reply, { folderId: folder.id, paths, documents });
}
