import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import {
  copyDocument,
  createFolder,
  listFolderItems,
  sendDocumentContent,
  trashDocument,
  trashFolder,
  unlockDocument,
  updateDocument,
  updateFolder,
  uploadDocument,
} from '../documents';
import { requestHasBody } from './webdav.http';
import { DavError, davEtag, ensureUnlocked, evaluateIf, liveLocks } from './webdav.locks';
import { ensureNodeName, parseDavPath, resolveTarget, type Target } from './webdav.paths';
import { copyProperties, deleteLocks, unsafeCurrentHashes } from './webdav.queries';

type Existing = Extract<Target, { kind: 'folder' | 'document' }>;

function ensurePlaced(target: Target): asserts target is Extract<Target, { pathKey: string }> {
  if (target.kind === 'root') throw errors.forbidden('The list of spaces is read-only.');
  if (target.kind === 'unknown-space') throw errors.notFound();
}

/** GET/HEAD go through the documents download path: same ETag and Range rules, and every GET is an audited consultation. */
export async function getContent(request: FastifyRequest, reply: FastifyReply, target: Target) {
  if (target.kind !== 'document') {
    if (target.kind === 'missing' || target.kind === 'unknown-space') throw errors.notFound();
    // Collections have no content; a short text keeps browsers that open the URL from showing an error.
    return reply.code(200).type('text/plain; charset=utf-8').send('This is a WebDAV collection.\n');
  }
  // The download path speaks full SHA-256 ETags; conditional headers quoting our short ones are widened for it,
  // and the ETag it answers is shortened again by the module's onSend hook.
  const hash = (await unsafeCurrentHashes(request.ctx.db, [target.id])).get(target.id) ?? '';
  const widen = (value: string | string[] | undefined) =>
    typeof value === 'string' ? value.split(davEtag(hash)).join(`"${hash}"`) : undefined;
  const headers = {
    ...request.headers,
    'if-none-match': widen(request.headers['if-none-match']),
    'if-range': widen(request.headers['if-range']),
  };
  const proxied = Object.assign(Object.create(request) as FastifyRequest, {
    params: { id: target.id },
    query: {},
    headers,
  });
  return sendDocumentContent(proxied as Parameters<typeof sendDocumentContent>[0], reply);
}

/** Locks on a place are gone once what was there moved or went to the trash; mirrored check-outs are released. */
async function releaseLocks(ctx: RequestContext, target: Extract<Target, { pathKey: string }>) {
  const locks = await liveLocks(ctx, { pathKey: target.pathKey, ancestors: [] }, { below: true });
  await deleteLocks(
    ctx.db,
    locks.map((lock) => lock.token),
  );
  for (const lock of locks) {
    if (lock.document_id) await unlockDocument(ctx, { id: lock.document_id }).catch(() => undefined);
  }
}

/** PUT streams the body through the upload service: a new document (201) or a new version of the same name (204). */
export async function put(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  ensurePlaced(target);
  if (target.kind === 'space' || target.kind === 'folder') throw new DavError(405);
  if (target.kind === 'missing' && target.parentId === undefined)
    throw errors.conflict('The parent collection does not exist.');
  const submitted = await evaluateIf(ctx, request, target);
  await ensureUnlocked(ctx, target, submitted, { parent: target.kind === 'missing' });
  const folderId = target.kind === 'missing' ? (target.parentId as string | null) : target.parentId;
  const fileName = target.kind === 'missing' ? ensureNodeName(target.name) : target.name;
  const { created } = await uploadDocument(ctx, { spaceId: target.space.id, folderId, fileName, stream: request.raw });
  return reply.code(created ? 201 : 204).send();
}

export async function mkcol(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  if (target.kind === 'unknown-space' || target.kind === 'root')
    throw errors.forbidden('Spaces are created in Gatehouse.');
  if (requestHasBody(request)) throw new DavError(415);
  if (target.kind !== 'missing') throw new DavError(405);
  if (target.parentId === undefined) throw errors.conflict('The parent collection does not exist.');
  const submitted = await evaluateIf(ctx, request, target);
  await ensureUnlocked(ctx, target, submitted, { parent: true });
  await createFolder(ctx, { spaceId: target.space.id, parentId: target.parentId, name: ensureNodeName(target.name) });
  return reply.code(201).send();
}

async function trash(ctx: RequestContext, target: Existing) {
  if (target.kind === 'document') await trashDocument(ctx, { id: target.id });
  else await trashFolder(ctx, { id: target.id });
  await releaseLocks(ctx, target);
}

/** DELETE puts the item in the space's trash, like the web does (it can be restored there). */
export async function remove(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  ensurePlaced(target);
  if (target.kind === 'missing') throw errors.notFound();
  if (target.kind === 'space') throw errors.forbidden('A space cannot be deleted over WebDAV.');
  const submitted = await evaluateIf(ctx, request, target);
  await ensureUnlocked(ctx, target, submitted, { below: true, parent: true });
  await trash(ctx, target);
  return reply.code(204).send();
}

async function destinationOf(ctx: RequestContext, request: FastifyRequest): Promise<Target> {
  const header = request.headers.destination;
  if (typeof header !== 'string' || header === '') throw errors.badRequest('A Destination header is required.');
  let url: URL;
  try {
    url = new URL(header, `${request.protocol}://${request.host}`);
  } catch {
    throw errors.badRequest('Invalid Destination header.');
  }
  // Another server: we cannot copy or move there (RFC 4918 §9.8.5).
  if (url.host !== request.host) throw new DavError(502);
  return resolveTarget(ctx, parseDavPath(url.pathname).segments);
}

/** Copies a folder's members into a copy of it, depth first, with their dead properties. */
async function copyTree(ctx: RequestContext, args: { spaceId: string; fromId: string; toId: string }) {
  const listing = await listFolderItems(ctx, { spaceId: args.spaceId, folderId: args.fromId });
  const nowIso = ctx.clock.now().toISOString();
  for (const doc of listing.documents) {
    const copy = await copyDocument(ctx, { id: doc.id, folderId: args.toId, name: doc.name });
    await copyProperties(ctx.db, { fromId: doc.id, toId: copy.id, nowIso });
  }
  for (const folder of listing.folders) {
    const copy = await createFolder(ctx, { spaceId: args.spaceId, parentId: args.toId, name: folder.name });
    await copyProperties(ctx.db, { fromId: folder.id, toId: copy.id, nowIso });
    await copyTree(ctx, { spaceId: args.spaceId, fromId: folder.id, toId: copy.id });
  }
}

/**
 * COPY and MOVE within one space, through the documents services (policy, names, audit). Overwrite: T trashes what
 * the destination holds first (204); F answers 412. Between spaces, nothing is moved (403).
 */
export async function copyOrMove(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, source: Target) {
  const moving = request.method === 'MOVE';
  ensurePlaced(source);
  if (source.kind === 'missing') throw errors.notFound();
  if (source.kind === 'space') throw errors.forbidden('A space cannot be copied or moved over WebDAV.');
  const destination = await destinationOf(ctx, request);
  ensurePlaced(destination);
  if (destination.kind === 'space') throw errors.forbidden();
  if (destination.space.id !== source.space.id)
    throw errors.forbidden('Items move between spaces through the web app.');
  if (destination.pathKey === source.pathKey) throw errors.forbidden('The source and the destination are the same.');
  if (source.kind === 'folder' && destination.pathKey.startsWith(`${source.pathKey}/`)) {
    throw errors.forbidden('A collection cannot go inside itself.');
  }
  const depth = String(request.headers.depth ?? 'infinity').toLowerCase();
  if (depth !== '0' && depth !== 'infinity' && !(depth === '1' && !moving)) throw errors.badRequest('Invalid Depth.');
  const overwrite = String(request.headers.overwrite ?? 'T').toUpperCase() !== 'F';
  const submitted = await evaluateIf(ctx, request, source);
  if (moving) await ensureUnlocked(ctx, source, submitted, { below: true, parent: true });
  await ensureUnlocked(ctx, destination, submitted, { below: true, parent: true });
  if (destination.kind === 'missing' && destination.parentId === undefined) {
    throw errors.conflict('The destination collection does not exist.');
  }
  const existed = destination.kind !== 'missing';
  if (existed && !overwrite) throw new DavError(412);
  if (existed) await trash(ctx, destination as Existing);
  const again = existed ? await resolveTarget(ctx, [destination.space.slug, ...destination.names]) : destination;
  if (again.kind !== 'missing' || again.parentId === undefined) throw errors.conflict();
  const name = ensureNodeName(again.name);
  const parentId = again.parentId;
  if (moving) {
    if (source.kind === 'document') await updateDocument(ctx, { id: source.id, name, folderId: parentId });
    else await updateFolder(ctx, { id: source.id, name, parentId });
    await releaseLocks(ctx, source);
  } else if (source.kind === 'document') {
    const copy = await copyDocument(ctx, { id: source.id, folderId: parentId, name });
    await copyProperties(ctx.db, { fromId: source.id, toId: copy.id, nowIso: ctx.clock.now().toISOString() });
  } else {
    const copy = await createFolder(ctx, { spaceId: source.space.id, parentId, name });
    await copyProperties(ctx.db, { fromId: source.id, toId: copy.id, nowIso: ctx.clock.now().toISOString() });
    if (depth !== '0') await copyTree(ctx, { spaceId: source.space.id, fromId: source.id, toId: copy.id });
  }
  return reply.code(existed ? 204 : 201).send();
}
