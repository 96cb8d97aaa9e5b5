import type { Readable } from 'node:stream';
import { routes } from '@gatehouse/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/http/errors';
import { route } from '../../core/http/route';
import { fileRequired } from '../documents';
import { openRequest, publicRequestView, viewPublicRequest } from './requests.public.service';
import {
  cancelDocumentRequest,
  createDocumentRequest,
  getDocumentRequest,
  listDocumentRequests,
  reviewRequestItem,
} from './requests.service';
import { receiveRequestFile } from './requests.uploads';

/**
 * The multipart `file` part as a stream. When the request is refused before the file was read, the rest of the body
 * is drained and the connection closed after the answer instead of reading a possibly huge body (as documents do).
 */
async function withFilePart<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (file: { name: string; stream: Readable }) => Promise<T>,
) {
  if (!request.isMultipart()) {
    throw new AppError('http.unsupported_media_type', 415, 'Unsupported media type', 'Send multipart/form-data.');
  }
  const part = await request.file();
  if (!part) throw fileRequired();
  try {
    if (part.fieldname !== 'file') throw fileRequired();
    // Browsers write a `"` of a file name as %22 in multipart bodies (see documents.routes.ts).
    return await work({ name: part.filename.replace(/%22/g, '"'), stream: part.file });
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
 * Managers: POST|GET /spaces/:id/requests · GET /requests/:id · POST /requests/:id/cancel ·
 * POST /request-items/:id/review. Recipient (public, the token is the credential): GET /requests-public/:token ·
 * POST /requests-public/:token/items/:id/files (multipart).
 */
export function registerRequestsRoutes(app: FastifyInstance) {
  route(app, routes.createDocumentRequest, async (request) => ({
    request: await createDocumentRequest(request.ctx, { ...request.body, spaceId: request.params.id }),
  }));
  route(app, routes.listDocumentRequests, async (request) => ({
    requests: await listDocumentRequests(request.ctx, { spaceId: request.params.id }),
  }));
  route(app, routes.getDocumentRequest, async (request) => ({
    request: await getDocumentRequest(request.ctx, request.params),
  }));
  route(app, routes.cancelDocumentRequest, async (request) => ({
    request: await cancelDocumentRequest(request.ctx, request.params),
  }));
  route(app, routes.reviewRequestItem, async (request) => ({
    request: await reviewRequestItem(request.ctx, { id: request.params.id, ...request.body }),
  }));
  route(app, routes.getPublicRequest, async (request) => viewPublicRequest(request));
  route(app, routes.uploadRequestFile, async (request, reply) => {
    // The token and the request's state answer first (404/410), whatever the body.
    const open = await openRequest(request);
    await withFilePart(request, reply, (file) =>
      receiveRequestFile(open, { itemId: request.params.id, fileName: file.name, stream: file.stream }),
    );
    return publicRequestView(open.visitor, open.row);
  });
}
