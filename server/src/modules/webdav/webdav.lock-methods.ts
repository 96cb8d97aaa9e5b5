import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorId } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { errors } from '../../core/http/errors';
import { authorize } from '../../core/policy/policy';
import { authorizeDocument, authorizeFolder, lockDocument, unlockDocument, uploadDocument } from '../documents';
import { readXml, sendXml } from './webdav.http';
import {
  activeLockXml,
  DavError,
  davLockResource,
  ensureUnlocked,
  evaluateIf,
  liveLocks,
  lockTokenSubmitted,
  parseTimeout,
} from './webdav.locks';
import { ensureNodeName, resolveTarget, type Target } from './webdav.paths';
import { deleteLocks, insertLock, refreshLockRow } from './webdav.queries';
import { child, DAV, serializeNodes, type XmlElement } from './webdav.xml';

type Placed = Extract<Target, { pathKey: string }>;

const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function lockResponse(reply: FastifyReply, status: number, activeLock: string, token?: string) {
  if (token) reply.header('Lock-Token', `<${token}>`);
  return sendXml(reply, status, `<D:prop xmlns:D="DAV:"><D:lockdiscovery>${activeLock}</D:lockdiscovery></D:prop>`);
}

function parseLockInfo(body: XmlElement) {
  if (body.ns !== DAV || body.local !== 'lockinfo') throw errors.badRequest('Expected a DAV:lockinfo body.');
  const scope = child(body, DAV, 'lockscope');
  const type = child(body, DAV, 'locktype');
  const exclusive = scope && child(scope, DAV, 'exclusive');
  const shared = scope && child(scope, DAV, 'shared');
  if (!exclusive === !shared) throw errors.badRequest('Expected an exclusive or a shared lock scope.');
  if (!type || !child(type, DAV, 'write')) throw errors.badRequest('Only write locks exist.');
  const owner = child(body, DAV, 'owner');
  return {
    scope: exclusive ? ('exclusive' as const) : ('shared' as const),
    ownerXml: owner ? serializeNodes(owner.children) : '',
  };
}

/** The right to lock is the right to change: contributors and up, on what they may edit. */
async function authorizeLock(ctx: RequestContext, target: Placed) {
  if (target.kind === 'document') await authorizeDocument(ctx, { id: target.id, action: 'document.lock' });
  else if (target.kind === 'folder') await authorizeFolder(ctx, { folderId: target.id, action: 'document.upload' });
  else await authorizeFolder(ctx, { spaceId: target.space.id, folderId: null, action: 'document.upload' });
}

/** LOCK without a body refreshes the lock whose token the `If:` header submits. */
async function refresh(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Placed) {
  const submitted = await evaluateIf(ctx, request, target);
  const lock = (await liveLocks(ctx, target)).find((candidate) => submitted.has(candidate.token));
  if (!lock) throw new DavError(412, '<D:lock-token-matches-request-uri/>');
  authorize(ctx.actor, 'dav_lock.use', davLockResource(lock));
  const timeoutSeconds = parseTimeout(request.headers.timeout as string | undefined);
  const expiresAt = new Date(ctx.clock.now().getTime() + timeoutSeconds * 1000).toISOString();
  const refreshRow = (db: DbOrTrx) => refreshLockRow(db, { token: lock.token, timeoutSeconds, expiresAt });
  // The check-out and the WebDAV lock are renewed together or not at all.
  if (lock.document_id)
    await lockDocument(ctx, { id: lock.document_id, minutes: minutesOf(timeoutSeconds) }, refreshRow);
  else await refreshRow(ctx.db);
  return lockResponse(reply, 200, activeLockXml({ ...lock, expires_at: expiresAt }, ctx.clock.now().getTime()));
}

/**
 * LOCK (RFC 4918 §9.10). An unmapped URL gets an empty document first (201). An exclusive lock on a document is
 * also the document's check-out, taken through the documents service: the web shows it and refuses others (423).
 */
export async function lock(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, initial: Target) {
  if (initial.kind === 'root') throw errors.forbidden();
  if (initial.kind === 'unknown-space') throw errors.notFound();
  const body = await readXml(request);
  if (!body) {
    if (initial.kind === 'missing') throw new DavError(412);
    return refresh(ctx, request, reply, initial);
  }
  const info = parseLockInfo(body);
  const depthHeader = String(request.headers.depth ?? 'infinity').toLowerCase();
  if (depthHeader !== '0' && depthHeader !== 'infinity') throw errors.badRequest('Depth must be 0 or infinity.');
  const depth: '0' | 'infinity' = initial.kind === 'document' || initial.kind === 'missing' ? '0' : depthHeader;
  const submitted = await evaluateIf(ctx, request, initial);
  for (const held of await liveLocks(ctx, initial, { below: depth === 'infinity' })) {
    if (info.scope === 'exclusive' || held.scope === 'exclusive') throw lockTokenSubmitted(held);
  }
  let target: Placed = initial;
  let created = false;
  if (initial.kind === 'missing') {
    if (initial.parentId === undefined) throw errors.conflict('The parent collection does not exist.');
    await ensureUnlocked(ctx, initial, submitted, { parent: true });
    await uploadDocument(ctx, {
      spaceId: initial.space.id,
      folderId: initial.parentId,
      fileName: ensureNodeName(initial.name),
      stream: Readable.from([]),
    });
    created = true;
    target = (await resolveTarget(ctx, [initial.space.slug, ...initial.names])) as Placed;
  }
  await authorizeLock(ctx, target);
  const timeoutSeconds = parseTimeout(request.headers.timeout as string | undefined);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + timeoutSeconds * 1000).toISOString();
  const mirrored = info.scope === 'exclusive' && target.kind === 'document';
  const row = {
    token: `opaquelocktoken:${randomUUID()}`,
    scope: info.scope,
    depth,
    owner_xml: info.ownerXml,
    root_href: target.href,
    expires_at: expiresAt,
  };
  const placed = target;
  const insertRow = (db: DbOrTrx) =>
    insertLock(db, {
      token: row.token,
      spaceId: placed.space.id,
      pathKey: placed.pathKey,
      rootHref: row.root_href,
      userId: actorId(ctx.actor) as string,
      scope: row.scope,
      depth: row.depth,
      ownerXml: row.owner_xml,
      timeoutSeconds,
      expiresAt,
      nowIso: now.toISOString(),
      documentId: mirrored ? (placed as { id: string }).id : null,
    });
  // An exclusive lock on a document is its check-out: both are written in one transaction, so neither outlives a
  // failure of the other.
  if (mirrored) {
    await lockDocument(ctx, { id: (placed as { id: string }).id, minutes: minutesOf(timeoutSeconds) }, insertRow);
  } else await insertRow(ctx.db);
  return lockResponse(reply, created ? 201 : 200, activeLockXml(row, now.getTime()), row.token);
}

/** UNLOCK with the token of a lock that covers the URL; the mirrored check-out is released with it. */
export async function unlock(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  if (target.kind === 'root') throw errors.forbidden();
  if (target.kind === 'unknown-space' || target.kind === 'missing') throw errors.notFound();
  const header = String(request.headers['lock-token'] ?? '');
  const match = /^\s*<([^>]+)>\s*$/.exec(header);
  if (!match) throw errors.badRequest('A Lock-Token header is required.');
  const held = (await liveLocks(ctx, target)).find((candidate) => candidate.token === match[1]);
  if (!held) throw new DavError(409, '<D:lock-token-matches-request-uri/>');
  authorize(ctx.actor, 'dav_lock.use', davLockResource(held));
  const deleteRow = (db: DbOrTrx) => deleteLocks(db, [held.token]);
  if (held.document_id) await unlockDocument(ctx, { id: held.document_id }, deleteRow);
  else await deleteRow(ctx.db);
  return reply.code(204).send();
}
