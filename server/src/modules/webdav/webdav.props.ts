import { Readable } from 'node:stream';
import type { DocumentSummary } from '@gatehouse/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { authorizeDocument, authorizeFolder, folderListingStamp, getDocument, listFolderContents } from '../documents';
import { listSpacesWith } from '../spaces';
import { readXml, sendXml } from './webdav.http';
import type { ListingCache } from './webdav.listing-cache';
import {
  activeLockXml,
  DavError,
  davEtag,
  ensureUnlocked,
  evaluateIf,
  liveLocks,
  SUPPORTED_LOCK_XML,
} from './webdav.locks';
import { hrefOf, pathKeyOf, type Target } from './webdav.paths';
import {
  type LockRow,
  listPropertiesOfMany,
  listPropertiesOfMembers,
  removeProperty,
  setProperty,
  unsafeCurrentHashes,
} from './webdav.queries';
import {
  child,
  DAV,
  elements,
  escapeText,
  escapeXml,
  is,
  propElement,
  serializeNodes,
  XML_HEADER,
  type XmlElement,
} from './webdav.xml';

type Place = { pathKey: string; ancestors: string[] };

/** One resource of a PROPFIND answer with what its live properties are made of. */
type Entry = {
  href: string;
  collection: boolean;
  name: string;
  /** A member of the listed folder: its dead properties and locks are found by its name, not by an id of its own. */
  member: boolean;
  /** Where its dead properties are found when it is not a member (the target itself, or a space at the root). */
  propsKey: string | null;
  /** Whether it can be locked (everything but the root of /dav/). */
  lockable: boolean;
  size?: number;
  contentType?: string;
  etag?: string;
  createdAt?: string;
  updatedAt?: string;
  checkedOutBy?: string | null;
};

/**
 * Live properties, each as its whole element with its value, or null where the resource has none. One function per
 * property, chosen once per request: a 10,000-entry listing calls these 90,000 times.
 */
const LIVE: Record<string, (entry: Entry, lockXml: string) => string | null> = {
  resourcetype: (e) => (e.collection ? '<D:resourcetype><D:collection/></D:resourcetype>' : '<D:resourcetype/>'),
  displayname: (e) => `<D:displayname>${escapeText(e.name)}</D:displayname>`,
  getcontentlength: (e) => (e.size === undefined ? null : `<D:getcontentlength>${e.size}</D:getcontentlength>`),
  getcontenttype: (e) => (e.contentType ? `<D:getcontenttype>${escapeText(e.contentType)}</D:getcontenttype>` : null),
  // ETags are made of a hex hash: nothing to escape.
  getetag: (e) => (e.etag ? `<D:getetag>${e.etag}</D:getetag>` : null),
  getlastmodified: (e) => (e.updatedAt ? `<D:getlastmodified>${httpDate(e.updatedAt)}</D:getlastmodified>` : null),
  // Stored timestamps are already what RFC 4918 asks for here (RFC 3339, UTC).
  creationdate: (e) =>
    e.createdAt
      ? `<D:creationdate>${ISO_UTC.test(e.createdAt) ? e.createdAt : new Date(e.createdAt).toISOString()}</D:creationdate>`
      : null,
  supportedlock: (e) => (e.lockable ? `<D:supportedlock>${SUPPORTED_LOCK_XML}</D:supportedlock>` : null),
  lockdiscovery: (e, lockXml) =>
    e.lockable ? (lockXml ? `<D:lockdiscovery>${lockXml}</D:lockdiscovery>` : '<D:lockdiscovery/>') : null,
};
const LIVE_NAMES = Object.keys(LIVE);

type Wanted = { kind: 'allprop' } | { kind: 'propname' } | { kind: 'prop'; names: { ns: string; local: string }[] };

function parsePropfind(body: XmlElement | null): Wanted {
  if (!body) return { kind: 'allprop' };
  if (!is(body, DAV, 'propfind')) throw errors.badRequest('Expected a DAV:propfind body.');
  const prop = child(body, DAV, 'prop');
  if (prop) return { kind: 'prop', names: elements(prop).map(({ ns, local }) => ({ ns, local })) };
  if (child(body, DAV, 'propname')) return { kind: 'propname' };
  if (child(body, DAV, 'allprop')) return { kind: 'allprop' };
  throw errors.badRequest('Expected DAV:prop, DAV:allprop or DAV:propname.');
}

type DeadProperty = { namespace: string; name: string; value: string };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const dayPrefixes = new Map<string, string>();

/**
 * An ISO timestamp as an HTTP date (`Tue, 03 Nov 2026 09:15:00 GMT`). The day part is worked out once per calendar
 * day and kept: a 10,000-file listing would otherwise parse and format 10,000 dates that mostly share a few days.
 */
export function httpDate(iso: string): string {
  if (!ISO_UTC.test(iso)) return new Date(iso).toUTCString();
  const day = iso.slice(0, 10);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(`${day}T00:00:00Z`).toUTCString().slice(0, 16);
    if (dayPrefixes.size > 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return `${prefix} ${iso.slice(11, 19)} GMT`;
}

/** The DAV:lockdiscovery content of an entry: its WebDAV locks, or a web check-out shown as an exclusive lock. */
function lockDiscovery(entry: Entry, locks: LockRow[], now: number): string {
  if (!entry.lockable) return '';
  if (locks.length > 0) return locks.map((lock) => activeLockXml(lock, now)).join('');
  // A check-out taken on the web shows too, so WebDAV clients see that the file is being edited.
  return entry.checkedOutBy
    ? `<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope><D:depth>0</D:depth><D:owner>${escapeText(`Checked out by ${entry.checkedOutBy}`)}</D:owner></D:activelock>`
    : '';
}

/**
 * What a PROPFIND asks of every entry, worked out once per request: the live properties wanted, in order, and the
 * other names asked for (found among dead properties, or reported missing).
 */
type Plan = {
  live: ((entry: Entry, lockXml: string) => string | null)[];
  liveNames: string[];
  others: { ns: string; local: string }[];
  values: boolean;
  deadToo: boolean;
};

function planOf(wanted: Wanted): Plan {
  if (wanted.kind !== 'prop') {
    return {
      live: Object.values(LIVE),
      liveNames: LIVE_NAMES,
      others: [],
      values: wanted.kind === 'allprop',
      deadToo: true,
    };
  }
  const isLive = (n: { ns: string; local: string }) => n.ns === DAV && Object.hasOwn(LIVE, n.local);
  const liveNames = wanted.names.filter(isLive).map((n) => n.local);
  return {
    live: liveNames.map((local) => LIVE[local]),
    liveNames,
    others: wanted.names.filter((n) => !isLive(n)),
    values: true,
    deadToo: false,
  };
}

const OK_STATUS = '<D:status>HTTP/1.1 200 OK</D:status></D:propstat>';

function responseFor(entry: Entry, plan: Plan, dead: DeadProperty[] | undefined, lockXml: string): string {
  let found = '';
  let missing = '';
  for (let i = 0; i < plan.live.length; i += 1) {
    const element = plan.live[i](entry, lockXml);
    if (element === null) missing += `<D:${plan.liveNames[i]}/>`;
    else found += plan.values ? element : `<D:${plan.liveNames[i]}/>`;
  }
  if (plan.deadToo) {
    if (dead) for (const p of dead) found += propElement(p.namespace, p.name, plan.values ? p.value : '');
  } else {
    for (const { ns, local } of plan.others) {
      const stored = dead?.find((p) => p.namespace === ns && p.name === local);
      if (stored) found += propElement(ns, local, stored.value);
      else missing += propElement(ns, local);
    }
  }
  let xml = `<D:response><D:href>${escapeText(entry.href)}</D:href>`;
  if (found !== '') xml += `<D:propstat><D:prop>${found}</D:prop>${OK_STATUS}`;
  // Under allprop or propname a live property the resource lacks is simply not listed.
  if (missing !== '' && !plan.deadToo) {
    xml += `<D:propstat><D:prop>${missing}</D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>`;
  }
  return `${xml}</D:response>`;
}

function documentEntry(href: string, doc: DocumentSummary, hash: string | undefined): Entry {
  return {
    href,
    collection: false,
    name: doc.name,
    member: false,
    propsKey: doc.id,
    lockable: true,
    size: doc.size,
    contentType: doc.mimeType,
    etag: hash ? davEtag(hash) : undefined,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    checkedOutBy: doc.lock?.by?.name ?? null,
  };
}

/** The entries of an answer, and where each one's locks would live (asked only when some lock may apply). */
type Listing = { entries: Entry[]; placeOf: (entry: Entry) => Place };

/** The entries a PROPFIND covers: the target, and its members at depth 1. Every read goes through the services. */
async function entriesFor(ctx: RequestContext, target: Target, depth: '0' | '1'): Promise<Listing> {
  if (target.kind === 'root') {
    const root: Entry = {
      href: target.href,
      collection: true,
      name: 'Gatehouse',
      member: false,
      propsKey: null,
      lockable: false,
    };
    const spaces = depth === '0' ? [] : await listSpacesWith(ctx, 'documents');
    return {
      entries: [
        root,
        ...spaces.map(
          (space): Entry => ({
            href: hrefOf(space.slug, [], true),
            collection: true,
            name: space.name,
            member: false,
            propsKey: space.id,
            lockable: true,
            createdAt: space.createdAt,
          }),
        ),
      ],
      placeOf: (entry) => ({ pathKey: pathKeyOf(entry.propsKey ?? '', []), ancestors: [] }),
    };
  }
  if (target.kind === 'unknown-space' || target.kind === 'missing') throw errors.notFound();
  const place = { pathKey: target.pathKey, ancestors: target.ancestors };
  if (target.kind === 'document') {
    const doc = await getDocument(ctx, { id: target.id });
    const hashes = await unsafeCurrentHashes(ctx.db, [doc.id]);
    return { entries: [documentEntry(target.href, doc, hashes.get(doc.id))], placeOf: () => place };
  }
  const folderId = target.kind === 'folder' ? target.id : null;
  const self: Entry = {
    href: target.href,
    collection: true,
    name: target.kind === 'folder' ? target.name : target.space.name,
    member: false,
    propsKey: target.id,
    lockable: true,
    createdAt: target.kind === 'folder' ? target.createdAt : target.space.createdAt,
    updatedAt: target.kind === 'folder' ? target.updatedAt : undefined,
  };
  if (depth === '0') {
    await authorizeFolder(ctx, { spaceId: target.space.id, folderId, action: 'folder.read' });
    return { entries: [self], placeOf: () => place };
  }
  const contents = await listFolderContents(ctx, { spaceId: target.space.id, folderId });
  // Shared by every member: the members of a 10,000-entry folder should cost little more than their own fields.
  const ancestors = [...target.ancestors, target.pathKey];
  const prefix = hrefOf(target.space.slug, target.names, true);
  const entries: Entry[] = [self];
  for (const folder of contents.folders) {
    entries.push({
      href: `${prefix}${encodeURIComponent(folder.name)}/`,
      collection: true,
      name: folder.name,
      member: true,
      propsKey: null,
      lockable: true,
      createdAt: folder.created_at,
      updatedAt: folder.updated_at,
    });
  }
  const { checkedOut } = contents;
  for (const doc of contents.documents) {
    entries.push({
      href: `${prefix}${encodeURIComponent(doc.name)}`,
      collection: false,
      name: doc.name,
      member: true,
      propsKey: null,
      lockable: true,
      size: Number(doc.size),
      contentType: doc.mime_type,
      etag: doc.blob_sha256 ? davEtag(doc.blob_sha256) : undefined,
      createdAt: doc.created_at,
      updatedAt: doc.updated_at,
      checkedOutBy: checkedOut.get(doc.name) ?? null,
    });
  }
  return {
    entries,
    placeOf: (entry) =>
      entry.member ? { pathKey: pathKeyOf(target.space.id, [...target.names, entry.name]), ancestors } : place,
  };
}

/**
 * Dead properties: by id for the target (or the spaces listed at the root), by name for the members of a listed
 * folder, each with one set-based query.
 */
async function deadPropertiesOf(ctx: RequestContext, target: Target, entries: Entry[], depth: '0' | '1') {
  const ids = entries.flatMap((e) => (e.propsKey ? [e.propsKey] : []));
  const byKey = groupBy(await listPropertiesOfMany(ctx.db, ids), (row) => row.resource_id);
  const listsMembers = depth === '1' && (target.kind === 'space' || target.kind === 'folder');
  const members = listsMembers
    ? await listPropertiesOfMembers(ctx.db, {
        spaceId: target.space.id,
        folderId: target.kind === 'folder' ? target.id : null,
      })
    : [];
  const byMember = groupBy(members, (row) => row.member);
  return (entry: Entry): DeadProperty[] | undefined => {
    if (entry.member) return byMember.get(entry.name);
    return entry.propsKey === null ? undefined : byKey.get(entry.propsKey);
  };
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Listings with at least this many members are kept once rendered (smaller ones cost little to render again). */
export const CACHED_FROM_MEMBERS = 100;

/** PROPFIND at depth 0 or 1; `Depth: infinity` (or none, which means infinity) is refused as RFC 4918 allows. */
export async function propfind(
  ctx: RequestContext,
  request: FastifyRequest,
  reply: FastifyReply,
  target: Target,
  cache: ListingCache,
) {
  const depthHeader = String(request.headers.depth ?? 'infinity').toLowerCase();
  if (depthHeader !== '0' && depthHeader !== '1') throw new DavError(403, '<D:propfind-finite-depth/>');
  const wanted = parsePropfind(await readXml(request));
  const send = (chunks: Iterable<Buffer>) =>
    reply.code(207).type('application/xml; charset=utf-8').send(Readable.from(chunks));
  const place = 'pathKey' in target ? { pathKey: target.pathKey, ancestors: target.ancestors } : null;
  // Every lock on the target, its ancestors or anything below it, in one query: each entry's are among them.
  const around = place ? await liveLocks(ctx, place, { below: true }) : [];
  const lockFree = place !== null && around.length === 0;
  // A folder listing may have been rendered before: its stamp is read before any of its rows, so a change committed
  // in between can only make the stamp newer than what is rendered, never older.
  const listed = depthHeader === '1' && (target.kind === 'space' || target.kind === 'folder') ? target : null;
  let kept: { key: string; stamp: number } | null = null;
  if (listed && lockFree && cache.enabled) {
    const folderId = listed.kind === 'folder' ? listed.id : null;
    const stamp = await folderListingStamp(ctx, { spaceId: listed.space.id, folderId });
    const key = `${listed.space.id}/${folderId ?? ''}\n${listed.href}\n${JSON.stringify(wanted)}`;
    const chunks = cache.get(key, stamp);
    if (chunks) return send(chunks);
    kept = { key, stamp };
  }
  const { entries, placeOf } = await entriesFor(ctx, target, depthHeader);
  const deadOf = await deadPropertiesOf(ctx, target, entries, depthHeader);
  const wantsLocks =
    wanted.kind === 'allprop' ||
    (wanted.kind === 'prop' && wanted.names.some((n) => n.ns === DAV && n.local === 'lockdiscovery'));
  const plan = planOf(wanted);
  const now = ctx.clock.now().getTime();
  // Every query runs before the first byte is sent, so a failure is still a clean error answer.
  const lockXml = new Map<Entry, string>();
  if (wantsLocks) {
    // An entry's locks: its own, and those of its ancestors that cover their whole depth. Only the list of spaces at
    // /dav/ has no place of its own to have gathered them from.
    const locksOf = async (entry: Entry) => {
      const at = placeOf(entry);
      if (!place) return liveLocks(ctx, at);
      return around.filter(
        (lock) => lock.path_key === at.pathKey || (lock.depth === 'infinity' && at.ancestors.includes(lock.path_key)),
      );
    };
    for (const entry of entries) {
      if (!entry.lockable || (lockFree && !entry.checkedOutBy)) continue;
      const xml = lockDiscovery(entry, lockFree ? [] : await locksOf(entry), now);
      if (xml) lockXml.set(entry, xml);
    }
  }
  const responses = function* () {
    for (const entry of entries) yield responseFor(entry, plan, deadOf(entry), lockXml.get(entry) ?? '');
  };
  const chunks = inChunks(responses());
  // A check-out shows until it expires, which changes no stamp: such a listing is not kept.
  if (kept && entries.length > CACHED_FROM_MEMBERS && !entries.some((entry) => entry.checkedOutBy)) {
    const { key, stamp } = kept;
    return send(keeping(chunks, (all) => cache.set(key, stamp, all)));
  }
  return send(chunks);
}

/** Passes the chunks on and hands them all over once the last one went out (an answer cut short is not kept). */
function* keeping(chunks: Iterable<Buffer>, done: (all: Buffer[]) => void): Generator<Buffer> {
  const all: Buffer[] = [];
  for (const chunk of chunks) {
    all.push(chunk);
    yield chunk;
  }
  done(all);
}

/** Answers go out as they are written, in chunks of about this many bytes: no 7 MB string for a big folder. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Each response is written straight into a buffer of ~256 KiB, sent when full: encoding many small strings costs
 * less than gluing them into a large one first.
 */
function* inChunks(responses: Iterable<string>): Generator<Buffer> {
  const texts = function* () {
    yield `${XML_HEADER}<D:multistatus xmlns:D="DAV:">`;
    yield* responses;
    yield '</D:multistatus>';
  };
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for (const text of texts()) {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (used + text.length * 3 > buffer.length) {
      yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
      used = 0;
    }
    used += buffer.write(text, used);
  }
  yield buffer.subarray(0, used);
}

type Operation = { op: 'set' | 'remove'; ns: string; local: string; value: string };

function parsePropertyUpdate(body: XmlElement | null): Operation[] {
  if (!body || !is(body, DAV, 'propertyupdate')) throw errors.badRequest('Expected a DAV:propertyupdate body.');
  const operations: Operation[] = [];
  for (const step of elements(body)) {
    if (step.ns !== DAV || (step.local !== 'set' && step.local !== 'remove')) continue;
    for (const prop of elements(step).filter((e) => is(e, DAV, 'prop'))) {
      for (const property of elements(prop)) {
        operations.push({
          op: step.local,
          ns: property.ns,
          local: property.local,
          value: serializeNodes(property.children),
        });
      }
    }
  }
  if (operations.length === 0) throw errors.badRequest('The property update changes nothing.');
  return operations;
}

async function authorizeChange(ctx: RequestContext, target: Target) {
  if (target.kind === 'document') await authorizeDocument(ctx, { id: target.id, action: 'document.update' });
  else if (target.kind === 'folder') await authorizeFolder(ctx, { folderId: target.id, action: 'folder.update' });
  else if (target.kind === 'space') {
    await authorizeFolder(ctx, { spaceId: target.space.id, folderId: null, action: 'folder.create' });
  } else if (target.kind === 'root') throw errors.forbidden();
  else throw errors.notFound();
}

/**
 * PROPPATCH: all or nothing. DAV: properties are live and protected (403), which fails every other change of the
 * request (424); otherwise every change is applied in one transaction with one audit event.
 */
export async function proppatch(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  await authorizeChange(ctx, target);
  const submitted = await evaluateIf(ctx, request, target);
  await ensureUnlocked(ctx, target, submitted);
  const operations = parsePropertyUpdate(await readXml(request));
  const resourceId = (target as { id: string }).id;
  const protectedOne = operations.some((o) => o.ns === DAV);
  if (!protectedOne) {
    await ctx.db.transaction().execute(async (trx) => {
      const nowIso = ctx.clock.now().toISOString();
      for (const o of operations) {
        if (o.op === 'set')
          await setProperty(trx, { resourceId, namespace: o.ns, name: o.local, value: o.value, nowIso });
        else await removeProperty(trx, { resourceId, namespace: o.ns, name: o.local });
      }
      await record(trx, ctx, {
        action: 'webdav.properties_changed',
        target: {
          type: target.kind === 'document' ? 'document' : target.kind === 'folder' ? 'folder' : 'space',
          id: resourceId,
        },
        details: {
          set: operations.filter((o) => o.op === 'set').length,
          removed: operations.filter((o) => o.op === 'remove').length,
        },
      });
    });
  }
  const stats = operations.map((o) => {
    const status = !protectedOne ? '200 OK' : o.ns === DAV ? '403 Forbidden' : '424 Failed Dependency';
    return `<D:propstat><D:prop>${propElement(o.ns, o.local)}</D:prop><D:status>HTTP/1.1 ${status}</D:status></D:propstat>`;
  });
  const body = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>${escapeXml((target as { href: string }).href)}</D:href>${stats.join('')}</D:response></D:multistatus>`;
  return sendXml(reply, 207, body);
}
