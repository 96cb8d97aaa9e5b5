import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps, RequestContext } from '../../core/context';
import { AppError } from '../../core/http/errors';
import { authenticate, sendDavError } from './webdav.http';
import { ListingCache } from './webdav.listing-cache';
import { lock, unlock } from './webdav.lock-methods';
import { DavError, davEtag } from './webdav.locks';
import { copyOrMove, getContent, mkcol, put, remove } from './webdav.methods';
import { parseDavPath, resolveTarget, type Target } from './webdav.paths';
import { propfind, proppatch } from './webdav.props';

/**
 * WebDAV (RFC 4918, classes 1 and 2) over the documents of the spaces a person can see:
 *   /dav/                      the spaces (read-only collection)
 *   /dav/<space-slug>/…        the space's folder tree
 * One catch-all route per method; every operation calls the documents services, so policy and audit are the web's.
 */
const DAV_METHODS = ['PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK'] as const;
const ALL_METHODS = ['OPTIONS', 'GET', 'HEAD', 'PUT', 'DELETE', ...DAV_METHODS];
const ALLOW = ALL_METHODS.join(', ');

type Handler = (ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) => Promise<unknown>;

const handlersWith = (cache: ListingCache): Record<string, Handler> => ({
  GET: (_ctx, request, reply, target) => getContent(request, reply, target),
  HEAD: (_ctx, request, reply, target) => getContent(request, reply, target),
  PUT: put,
  MKCOL: mkcol,
  DELETE: remove,
  COPY: copyOrMove,
  MOVE: copyOrMove,
  PROPFIND: (ctx, request, reply, target) => propfind(ctx, request, reply, target, cache),
  PROPPATCH: proppatch,
  LOCK: lock,
  UNLOCK: unlock,
});

async function handle(handlers: Record<string, Handler>, request: FastifyRequest, reply: FastifyReply) {
  reply.header('Cache-Control', 'no-store');
  reply.header('DAV', '1, 2');
  if (request.method === 'OPTIONS') {
    // Answered without credentials: clients probe for DAV before they authenticate, and nothing is revealed.
    return reply.code(200).header('Allow', ALLOW).header('MS-Author-Via', 'DAV').header('Content-Length', '0').send();
  }
  const ctx = request.ctx;
  try {
    ctx.actor = await authenticate(ctx, request);
    const { segments } = parseDavPath(request.url);
    const target = await resolveTarget(ctx, segments);
    const handler = handlers[request.method];
    if (!handler) return reply.code(405).header('Allow', ALLOW).send();
    return await handler(ctx, request, reply, target);
  } catch (error) {
    if (error instanceof DavError) return sendDavError(reply, error.status, error.condition);
    if (error instanceof AppError && error.status === 423) {
      return sendDavError(reply, 423, '<D:lock-token-submitted/>');
    }
    throw error;
  }
}

async function registerDav(app: FastifyInstance, deps: Deps) {
  const handlers = handlersWith(new ListingCache(deps.config.WEBDAV_LISTING_CACHE_MB * 1024 * 1024));
  for (const method of DAV_METHODS) {
    if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  }
  // Encapsulated so the catch-all parser below applies to /dav only.
  await app.register(async (dav) => {
    dav.removeAllContentTypeParsers();
    // Leaves every body unread: PUT streams it into the file store, XML methods read it themselves with a size limit.
    dav.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    dav.addHook('onSend', async (_request, reply, payload) => {
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string' && /^"[0-9a-f]{64}"$/.test(etag)) reply.header('ETag', davEtag(etag.slice(1, -1)));
      return payload;
    });
    for (const url of ['/dav', '/dav/', '/dav/*']) {
      dav.route({
        method: ALL_METHODS,
        url,
        config: { public: true },
        handler: (request, reply) => handle(handlers, request, reply),
      });
    }
  });
}

export function registerWebdavRoutes(app: FastifyInstance, deps: Deps) {
  return registerDav(app, deps);
}
