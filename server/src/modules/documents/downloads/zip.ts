import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZipFile } from 'yazl';
import type { RequestContext } from '../../../core/context';
import { errors } from '../../../core/http/errors';
import { authorizeFolder } from '../documents.access';
import { inTrash } from '../documents.errors';
import { contentDisposition } from '../documents.models';
import { listLiveDocumentsIn } from '../documents.queries';
import { type FolderRow, folderSubtree } from '../folders/folders.queries';
import { headBody, recordConsultation } from './downloads';

/**
 * Names are already free of separators (the contract refuses them); this is the belt to those braces, so no entry can
 * climb out of the folder it is extracted into.
 */
function entryName(name: string): string {
  const flat = name.replace(/[/\\]/g, '_');
  return flat === '.' || flat === '..' ? '_' : flat;
}

/** Paths of the live folders of the subtree, each relative to the zip's top folder (itself included). */
export async function livePaths(ctx: RequestContext, folder: FolderRow): Promise<Map<string, string>> {
  const paths = new Map([[folder.id, entryName(folder.name)]]);
  // Breadth-first order: a parent always comes before its children, so a trashed folder hides its whole branch.
  for (const row of await folderSubtree(ctx.db, folder.id)) {
    const parentPath = row.parent_id ? paths.get(row.parent_id) : undefined;
    if (row.id !== folder.id && row.trashed_at === null && parentPath) {
      paths.set(row.id, `${parentPath}/${entryName(row.name)}`);
    }
  }
  return paths;
}

type ZipRequest = FastifyRequest & { params: { id: string }; ctx: RequestContext };

/**
 * GET /folders/:id/zip: the live content of a folder as a zip streamed straight from the file store. Entries are
 * stored, not deflated (office files, PDFs and pictures are compressed already, and the size is then known in
 * advance); yazl switches to ZIP64 past 4 GiB or 65,535 entries. Each file counts as one consultation in the audit
 * trail, recorded before the first byte leaves, plus one `folder.downloaded` record for the archive.
 */
export async function sendFolderZip(request: ZipRequest, reply: FastifyReply): Promise<FastifyReply> {
  const ctx = request.ctx;
  const { folder } = await authorizeFolder(ctx, { folderId: request.params.id, action: 'folder.read' });
  if (!folder) throw errors.notFound();
  if (folder.trashed_at) throw inTrash();
  const paths = await livePaths(ctx, folder);
  const documents = await listLiveDocumentsIn(ctx.db, [...paths.keys()]);
  reply
    .header('Content-Type', 'application/zip')
    .header('Content-Disposition', contentDisposition('attachment', `${folder.name}.zip`));
  if (request.method === 'HEAD') return reply.send(headBody());

  await recordConsultation(
    ctx,
    documents.map((doc) => ({ doc, version: Number(doc.version), range: null, inline: false, via: 'zip' })),
    [
      {
        action: 'folder.downloaded',
        target: { type: 'folder', id: folder.id, label: folder.name },
        details: { spaceId: folder.space_id, files: documents.length },
      },
    ],
  );

  return sendZip(ctx, request, reply, { folderId: folder.id, paths, documents });
}

/**
 * Streams the archive as the reply: the folders of `paths` (folder id → path in the archive) and each document under
 * its folder's path, each read from the file store only when the archive reaches it. Shared by the members' download
 * and the share-link one.
 */
export function sendZip(
  ctx: RequestContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    folderId: string;
    paths: Map<string, string>;
    documents: Awaited<ReturnType<typeof listLiveDocumentsIn>>;
  },
): FastifyReply {
  const zip = new ZipFile();
  for (const path of input.paths.values()) zip.addEmptyDirectory(path);
  for (const doc of input.documents) {
    const path = `${input.paths.get(doc.folder_id as string)}/${entryName(doc.name)}`;
    const options = { size: Number(doc.size), compress: false, mtime: new Date(doc.updated_at) };
    zip.addReadStreamLazy(path, options, (done) => {
      ctx.blobs.get(doc.blob_sha256, { wrappedKey: doc.wrapped_key }).then(
        (stream) => done(null, stream),
        (error: Error) => done(error),
      );
    });
  }
  zip.on('error', (error: Error) => {
    // Headers are gone already: the only honest signal left is a truncated download.
    request.log.error({ err: error, folderId: input.folderId }, 'zip download failed');
    zip.outputStream.destroy(error);
  });
  zip.end(undefined, (total) => {
    if (total >= 0) reply.header('Content-Length', String(total));
  });
  return reply.send(zip.outputStream);
}
