import type { MultipartFile } from '@fastify/multipart';
import { Id, routes } from '@gatehouse/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/http/errors';
import { route } from '../../core/http/route';
import { authorizeDocument, authorizeFolder } from './documents.access';
import { fileRequired } from './documents.errors';
import {
  copyDocument,
  documentAccessLog,
  getDocument,
  restoreDocument,
  trashDocument,
  updateDocument,
} from './documents.service';
import { CONTENT_SECURITY_POLICY, sendDocumentContent } from './downloads/downloads';
import { sendFolderZip } from './downloads/zip';
import { changeDocumentSettings, listFiles, readDocumentSettings } from './folders/files.service';
import { createFolder, restoreFolder, trashFolder, updateFolder } from './folders/folders.service';
import { lockDocument, unlockDocument } from './locks/locks.service';
import { sendThumbnail, thumbnailCacheControl } from './thumbnails/thumbnails.service';
import { uploadDocument, uploadVersion } from './uploads/uploads.service';
import { listVersions, restoreVersion } from './versions/versions.service';

/** Fields of an upload, sent before the `file` part (fields after it are never read: the file is streamed first). */
const UploadFields = z
  .object({
    folderId: z.union([Id, z.literal('')]).optional(),
    comment: z.string().max(1000).optional(),
  })
  .strict();

type Upload = { part: MultipartFile; folderId: string | null; comment?: string };

/**
 * Browsers write a `"` in a multipart file name as `%22` (WHATWG HTML, multipart/form-data encoding) and busboy does
 * not undo it. Only that escape is reversed: CR and LF (`%0D`, `%0A`) would be refused anyway, and any other `%`
 * sequence is part of the real name.
 */
function uploadedName(part: MultipartFile): string {
  return part.filename.replace(/%22/g, '"');
}

function fieldsOf(part: MultipartFile): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const entry of Object.values(part.fields).flat()) {
    if (entry && entry.type === 'field') values[entry.fieldname] = entry.value;
  }
  return values;
}

/**
 * Runs an upload with the multipart `file` part as a stream. `precheck` authorizes what it can before a byte of the
 * body is read (404/403/423 come first, whatever the body). When the request is refused before the file was read,
 * the connection is closed after the answer instead of reading the rest of a possibly huge body.
 */
async function withUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  precheck: () => Promise<unknown>,
  work: (upload: Upload) => Promise<T>,
) {
  await precheck();
  if (!request.isMultipart()) {
    throw new AppError('http.unsupported_media_type', 415, 'Unsupported media type', 'Send multipart/form-data.');
  }
  const part = await request.file();
  if (!part) throw fileRequired();
  try {
    if (part.fieldname !== 'file') throw fileRequired();
    const fields = UploadFields.safeParse(fieldsOf(part));
    if (!fields.success) {
      throw new AppError('http.validation_failed', 400, 'Invalid request', 'Some fields are invalid.', {}, [
        ...fields.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, message: issue.message })),
      ]);
    }
    return await work({ part, folderId: fields.data.folderId || null, comment: fields.data.comment });
  } catch (error) {
    if (!part.file.readableEnded) {
      part.file.on('error', () => {});
      part.file.resume();
      reply.header('Connection', 'close');
    }
    throw error;
  }
}

/**
 * GET /spaces/:id/files · POST /spaces/:id/folders · POST /spaces/:id/documents (multipart) ·
 * GET|PATCH /spaces/:id/document-settings · PATCH /folders/:id · POST /folders/:id/trash|restore ·
 * GET /folders/:id/zip · GET|PATCH /documents/:id · POST /documents/:id/copy|trash|restore ·
 * GET /documents/:id/content · GET /documents/:id/thumbnail · GET|POST /documents/:id/versions · POST /documents/:id/versions/:versionId/restore ·
 * POST|DELETE /documents/:id/lock · GET /documents/:id/access-log
 */
export async function registerDocumentsRoutes(app: FastifyInstance) {
  route(app, routes.listFiles, async (request) =>
    listFiles(request.ctx, { spaceId: request.params.id, ...request.query }),
  );
  route(app, routes.createFolder, async (request) => ({
    folder: await createFolder(request.ctx, { spaceId: request.params.id, ...request.body }),
  }));
  route(app, routes.uploadDocument, async (request, reply) =>
    withUpload(
      request,
      reply,
      // Roles are space-wide: who may not upload at the root may not upload anywhere in the space.
      () => authorizeFolder(request.ctx, { spaceId: request.params.id, folderId: null, action: 'document.upload' }),
      ({ part, folderId, comment }) =>
        uploadDocument(request.ctx, {
          spaceId: request.params.id,
          folderId,
          comment,
          fileName: uploadedName(part),
          stream: part.file,
        }),
    ),
  );
  route(app, routes.getDocumentSettings, async (request) =>
    readDocumentSettings(request.ctx, { spaceId: request.params.id }),
  );
  route(app, routes.updateDocumentSettings, async (request) =>
    changeDocumentSettings(request.ctx, { spaceId: request.params.id, ...request.body }),
  );
  route(app, routes.updateFolder, async (request) => ({
    folder: await updateFolder(request.ctx, { id: request.params.id, ...request.body }),
  }));
  route(app, routes.trashFolder, async (request) => ({ folder: await trashFolder(request.ctx, request.params) }));
  route(app, routes.restoreFolder, async (request) => ({ folder: await restoreFolder(request.ctx, request.params) }));
  route(app, routes.getDocument, async (request) => ({ document: await getDocument(request.ctx, request.params) }));
  route(app, routes.updateDocument, async (request) => ({
    document: await updateDocument(request.ctx, { id: request.params.id, ...request.body }),
  }));
  route(app, routes.copyDocument, async (request) => ({
    document: await copyDocument(request.ctx, { id: request.params.id, ...request.body }),
  }));
  route(app, routes.trashDocument, async (request) => ({
    document: await trashDocument(request.ctx, request.params),
  }));
  route(app, routes.restoreDocument, async (request) => ({
    document: await restoreDocument(request.ctx, request.params),
  }));
  route(app, routes.listVersions, async (request) => ({ versions: await listVersions(request.ctx, request.params) }));
  route(app, routes.uploadVersion, async (request, reply) => ({
    document: await withUpload(
      request,
      reply,
      () => authorizeDocument(request.ctx, { id: request.params.id, action: 'document.upload' }),
      ({ part, comment }) =>
        uploadVersion(request.ctx, {
          id: request.params.id,
          comment,
          fileName: uploadedName(part),
          stream: part.file,
        }),
    ),
  }));
  route(app, routes.restoreVersion, async (request) => ({
    document: await restoreVersion(request.ctx, request.params),
  }));
  route(app, routes.lockDocument, async (request) => ({
    document: await lockDocument(request.ctx, { id: request.params.id, ...request.body }),
  }));
  route(app, routes.unlockDocument, async (request) => ({
    document: await unlockDocument(request.ctx, request.params),
  }));
  route(app, routes.documentAccessLog, async (request) => ({
    entries: await documentAccessLog(request.ctx, request.params),
  }));

  // Routes that answer with file bytes: their own CSP replaces the app's (hooks of a child context run last).
  await app.register(async (files) => {
    files.addHook('onSend', async (_request, reply, payload) => {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      return payload;
    });
    route(files, routes.downloadDocument, async (request, reply) => sendDocumentContent(request, reply));
    route(files, routes.downloadFolder, async (request, reply) => sendFolderZip(request, reply));
  });
  // Thumbnails may stay in the browser's cache a while: set after the app's `no-store` for the API, hence a context
  // of their own (only answers carrying the image; a 404 stays `no-store`).
  await app.register(async (images) => {
    images.addHook('onSend', async (request, reply, payload) => {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      if (reply.statusCode === 200 || reply.statusCode === 304) {
        reply.header('Cache-Control', thumbnailCacheControl(request.query as { version?: number }));
      }
      return payload;
    });
    route(images, routes.documentThumbnail, async (request, reply) => sendThumbnail(request, reply));
  });
}
