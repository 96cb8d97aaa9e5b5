import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../core/context';
import { can } from '../../core/policy/policy';
import type { DavLockResource } from '../../core/policy/resources';
import { parseIfHeader, submittedTokens } from './webdav.if-header';
import { parseDavPath, resolveTarget, type Target } from './webdav.paths';
import { deleteLocks, type LockRow, listLocksFor, unsafeCurrentHashes } from './webdav.queries';
import { escapeXml } from './webdav.xml';

/** A WebDAV answer with a precondition element in a DAV:error body (423 lock-token-submitted, 412, 403…). */
export class DavError extends Error {
  constructor(
    readonly status: number,
    readonly condition: string | null = null,
  ) {
    super(`WebDAV ${status}`);
  }
}

/**
 * WebDAV ETags are the first 128 bits of the blob hash: clients copy ETags into `If:` headers, and some (litmus's
 * neon among them) cut those headers at 200 characters, which two full SHA-256 tags overflow.
 */
export function davEtag(sha256: string): string {
  return `"${sha256.slice(0, 32)}"`;
}

const DEFAULT_TIMEOUT_SECONDS = 3600;
/** "Infinite" and anything longer are capped: a forgotten lock must end by itself, like a web check-out. */
const MAX_TIMEOUT_SECONDS = 86_400;

/** `Timeout: Second-600, Infinite` → the first value we understand, capped. */
export function parseTimeout(header: string | undefined): number {
  for (const part of (header ?? '').split(',')) {
    const value = part.trim();
    if (/^infinite$/i.test(value)) return MAX_TIMEOUT_SECONDS;
    const match = /^second-(\d+)$/i.exec(value);
    if (match) return Math.max(1, Math.min(MAX_TIMEOUT_SECONDS, Number(match[1])));
  }
  return DEFAULT_TIMEOUT_SECONDS;
}

type Placed = Extract<Target, { pathKey: string }>;

/**
 * Live locks bearing on a place. A lock mirrored on a document is alive only while the document still shows it as
 * checked out by the same person: a check-in or a broken lock on the web ends the WebDAV lock too.
 */
export async function liveLocks(
  ctx: RequestContext,
  target: Pick<Placed, 'pathKey' | 'ancestors'>,
  options: { below?: boolean; parent?: boolean } = {},
) {
  const nowIso = ctx.clock.now().toISOString();
  const rows = await listLocksFor(ctx.db, {
    pathKey: target.pathKey,
    ancestors: target.ancestors,
    below: options.below ?? false,
    nowIso,
  });
  const parentKey = target.ancestors.at(-1);
  if (options.parent && parentKey) {
    const parentRows = await listLocksFor(ctx.db, { pathKey: parentKey, ancestors: [], below: false, nowIso });
    for (const row of parentRows) if (!rows.some((r) => r.token === row.token)) rows.push(row);
  }
  const dead = rows.filter(
    (row) =>
      row.document_id !== null &&
      (row.mirror_user_id !== row.user_id || !row.mirror_expires_at || row.mirror_expires_at <= nowIso),
  );
  if (dead.length > 0)
    await deleteLocks(
      ctx.db,
      dead.map((row) => row.token),
    );
  return rows.filter((row) => !dead.includes(row));
}

async function etagOf(ctx: RequestContext, target: Target): Promise<string | null> {
  if (target.kind !== 'document') return null;
  const hash = (await unsafeCurrentHashes(ctx.db, [target.id])).get(target.id);
  return hash ? davEtag(hash) : null;
}

async function stateOf(ctx: RequestContext, target: Target) {
  if (!('pathKey' in target)) return { tokens: new Set<string>(), etag: null };
  const locks = await liveLocks(ctx, target);
  return { tokens: new Set(locks.map((lock) => lock.token)), etag: await etagOf(ctx, target) };
}

async function resolveTagged(ctx: RequestContext, request: FastifyRequest, tag: string): Promise<Target | null> {
  try {
    const url = new URL(tag, `http://${request.host}`);
    if (url.host !== request.host) return null;
    return await resolveTarget(ctx, parseDavPath(url.pathname).segments);
  } catch {
    return null;
  }
}

/**
 * Evaluates the `If:` header (RFC 4918 §10.4): 412 unless one list holds entirely. Answers the submitted lock tokens,
 * which `ensureUnlocked` then requires for every lock on what the request changes.
 */
export async function evaluateIf(ctx: RequestContext, request: FastifyRequest, target: Target): Promise<Set<string>> {
  const header = request.headers.if;
  if (header === undefined) return new Set();
  const lists = parseIfHeader(Array.isArray(header) ? header.join(' ') : header);
  const states = new Map<string | null, Awaited<ReturnType<typeof stateOf>> | null>();
  for (const list of lists) {
    if (!states.has(list.resource)) {
      const resolved = list.resource === null ? target : await resolveTagged(ctx, request, list.resource);
      states.set(list.resource, resolved ? await stateOf(ctx, resolved) : null);
    }
    const state = states.get(list.resource);
    if (!state) continue;
    const holds = list.conditions.every((condition) => {
      const matched = condition.token !== undefined ? state.tokens.has(condition.token) : condition.etag === state.etag;
      return condition.not ? !matched : matched;
    });
    if (holds) return submittedTokens(lists);
  }
  throw new DavError(412);
}

export function lockTokenSubmitted(lock: Pick<LockRow, 'root_href'>): DavError {
  return new DavError(
    423,
    `<D:lock-token-submitted><D:href>${escapeXml(lock.root_href)}</D:href></D:lock-token-submitted>`,
  );
}

/**
 * 423 unless every lock bearing on the change was submitted by the person holding it. `below` covers a collection's
 * members (DELETE, MOVE); `parent` covers adding or removing a member of a locked collection.
 */
export async function ensureUnlocked(
  ctx: RequestContext,
  target: Target,
  submitted: Set<string>,
  options: { below?: boolean; parent?: boolean } = {},
): Promise<void> {
  if (!('pathKey' in target)) return;
  for (const lock of await liveLocks(ctx, target, options)) {
    if (!submitted.has(lock.token) || !can(ctx.actor, 'dav_lock.use', davLockResource(lock))) {
      throw lockTokenSubmitted(lock);
    }
  }
}

/** A lock as the policy sees it: only its holder uses it (refresh, release, submit it to change what it covers). */
export function davLockResource(lock: Pick<LockRow, 'token' | 'user_id'>): DavLockResource {
  return { type: 'dav_lock', token: lock.token, holderId: lock.user_id };
}

export function activeLockXml(
  lock: Pick<LockRow, 'token' | 'scope' | 'depth' | 'owner_xml' | 'root_href' | 'expires_at'>,
  nowMs: number,
) {
  const left = Math.max(0, Math.round((Date.parse(lock.expires_at) - nowMs) / 1000));
  return [
    '<D:activelock>',
    '<D:locktype><D:write/></D:locktype>',
    `<D:lockscope><D:${lock.scope}/></D:lockscope>`,
    `<D:depth>${lock.depth}</D:depth>`,
    lock.owner_xml ? `<D:owner>${lock.owner_xml}</D:owner>` : '',
    `<D:timeout>Second-${left}</D:timeout>`,
    `<D:locktoken><D:href>${escapeXml(lock.token)}</D:href></D:locktoken>`,
    `<D:lockroot><D:href>${escapeXml(lock.root_href)}</D:href></D:lockroot>`,
    '</D:activelock>',
  ].join('');
}

export const SUPPORTED_LOCK_XML =
  '<D:lockentry><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>' +
  '<D:lockentry><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>';
