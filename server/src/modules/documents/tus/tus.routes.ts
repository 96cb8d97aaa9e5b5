import type { IncomingMessage } from 'node:http';
import { routes } from '@gatehouse/contracts';
import type { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps, RequestContext } from '../../../core/context';
import { AppError } from '../../../core/http/errors';
import { route } from '../../../core/http/route';
import { newId } from '../../../core/ids';
import {
  authorizeCreation,
  authorizeOwnUpload,
  commitFinishedUpload,
  createPartialStore,
  expirePartialUploads,
  type UploadTarget,
  uploadMetadata,
} from './tus.service';

/** What the Fastify route decided for one request, handed to the tus server's hooks (keyed by the raw request). */
type Handover = { ctx: RequestContext; target?: UploadTarget; uploadId?: string; committedId?: string };

const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

function nodeRequestOf(req: unknown): IncomingMessage | undefined {
  return (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
}

/** tus answers plain text; a refused commit answers problem+json like the rest of the API (tus clients accept 4xx). */
function problemResponse(ctx: RequestContext, error: unknown) {
  const known = error instanceof AppError ? error : null;
  if (!known) ctx.logger.error({ err: error, requestId: ctx.requestId }, 'committing a resumable upload failed');
  const status = known?.status ?? 500;
  const code = known?.code ?? 'http.internal';
  return {
    status_code: status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify({
      type: `https://gatehouse.dev/problems/${code}`,
      title: known?.title ?? 'Internal error',
      status,
      code,
      ...(known?.detail ? { detail: known.detail } : {}),
    }),
  };
}

function createTusServer(deps: Deps, store: FileStore, handovers: WeakMap<IncomingMessage, Handover>) {
  const handoverOf = (req: unknown) => {
    const raw = nodeRequestOf(req);
    const handover = raw ? handovers.get(raw) : undefined;
    // Only Gatehouse's own routes call the tus server, after the auth hook and the authorization below.
    if (!handover) throw { status_code: 500, body: 'Internal server error\n' };
    return handover;
  };
  return new Server({
    path: '/api/v1/uploads',
    datastore: store,
    relativeLocation: true,
    maxSize: deps.config.MAX_UPLOAD_BYTES,
    // Same-origin API with cookie sessions: tus's default `Access-Control-Allow-Origin: *` is not wanted.
    allowedOrigins: () => false,
    namingFunction: () => newId(),
    // The id the route validated and authorized, never one re-parsed from the URL.
    getFileIdFromRequest: (req) => handoverOf(req).uploadId,
    async onUploadCreate(req) {
      const { ctx, target } = handoverOf(req);
      if (!target) throw { status_code: 500, body: 'Internal server error\n' };
      return { metadata: uploadMetadata(ctx, target) };
    },
    async onUploadFinish(req, upload: Upload) {
      const handover = handoverOf(req);
      try {
        const result = await commitFinishedUpload(handover.ctx, { store, upload });
        handover.committedId = upload.id;
        // A zero-byte upload finishes at creation, whose 201 must keep its Location header (tus clients need it).
        const status_code = req.method === 'POST' ? 201 : 200;
        return { status_code, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(result) };
      } catch (error) {
        // The partial file stays (until it expires or is terminated): the commit may be retried with an empty PATCH.
        return problemResponse(handover.ctx, error);
      }
    },
    onResponseError(_req, error) {
      const status = 'status_code' in error ? error.status_code : 500;
      if (status < 500) return undefined;
      deps.logger.error({ err: error }, 'resumable upload failed');
      // tus appends the library's error message to its 500 body; no library message reaches the client.
      return { status_code: 500, body: 'Internal server error\n' };
    },
  });
}

/**
 * tus 1.0.0 (creation + termination) behind Gatehouse's auth hook: POST /spaces/:id/uploads ·
 * HEAD|PATCH|DELETE /uploads/:uploadId. Each route authorizes first, then hands the raw request to the tus server.
 * The PATCH that completes an upload commits it as a document and answers 200 `{ document, created }` in JSON
 * (a zero-byte upload completes at creation: 201 with the same body).
 */
export async function registerResumableUploadsRoutes(app: FastifyInstance, deps: Deps) {
  const store = createPartialStore(deps);
  const handovers = new WeakMap<IncomingMessage, Handover>();
  const tus = createTusServer(deps, store, handovers);

  async function handOver(request: FastifyRequest, reply: FastifyReply, handover: Handover) {
    handovers.set(request.raw, handover);
    reply.hijack();
    // A hijacked reply skips the app's onSend hooks: keep the headers that matter for an API answer.
    reply.raw.setHeader('Cache-Control', 'no-store');
    reply.raw.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await tus.handle(request.raw, reply.raw);
    } catch (error) {
      request.log.error({ err: error }, 'tus handler failed');
      if (reply.raw.headersSent) reply.raw.destroy();
      else reply.raw.writeHead(500).end();
    }
    // Removed after the answer is written: tus may still read the upload's record while answering.
    if (handover.committedId) await store.remove(handover.committedId).catch(() => {});
    return reply;
  }

  const ownUpload = async (request: FastifyRequest, uploadId: string, write: boolean) => {
    await authorizeOwnUpload(request.ctx, { store, uploadId, write });
    return { ctx: request.ctx, uploadId };
  };

  await app.register(async (scope: FastifyInstance) => {
    // tus chunks are streamed to the partial file by the tus server: the body is left unread here.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    route(scope, routes.createResumableUpload, async (request, reply) => {
      const target = await authorizeCreation(request.ctx, { spaceId: request.params.id, headers: request.headers });
      return handOver(request, reply, { ctx: request.ctx, target });
    });
    route(scope, routes.resumableUploadOffset, async (request, reply) =>
      handOver(request, reply, await ownUpload(request, request.params.uploadId, false)),
    );
    route(scope, routes.appendResumableUpload, async (request, reply) =>
      handOver(request, reply, await ownUpload(request, request.params.uploadId, true)),
    );
    route(scope, routes.terminateResumableUpload, async (request, reply) =>
      handOver(request, reply, await ownUpload(request, request.params.uploadId, false)),
    );
  });

  const cleanUp = () =>
    expirePartialUploads(store).catch((error) => deps.logger.error({ err: error }, 'expiring partial uploads failed'));
  void cleanUp();
  const timer = setInterval(cleanUp, CLEANUP_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
