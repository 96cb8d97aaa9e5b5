import { Readable } from 'node:stream';
import type { DocumentSummary } from '@gatehouse/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { authorizeDocument, authorizeFolder } from '../documents/documents.access';
import { getDocument } from '../documents/documents.service';
import { listFolderContents } from '../documents/files.service';
import { listSpaces } from '../spaces/spaces.service';
import { readXml, sendXml } from './webdav.http';
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
  /** Where its dead properties are found: its id, or `member:<name>` for the members of a listed folder. */
  propsKey: string | null;
  /** Where its locks live; a function because a large listing needs it only when some lock may apply. */
  place: (() => Place) | null;
  size?: number;
  contentType?: string;
  etag?: string;
  createdAt?: string;
  updatedAt?: string;
  checkedOutBy?: string | null;
};

const LIVE = [
  'resourcetype',
  'displayname',
  'getcontentlength',
  'getcontenttype',
  'getetag',
  'getlastmodified',
  'creationdate',
  'supportedlock',
  'lockdiscovery',
];

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

/** Live property values; `lockXml` is the entry's lockdiscovery content, loaded beforehand for all entries. */
function liveValue(entry: Entry, local: string, lockXml: string): string | null {
  switch (local) {
    case 'resourcetype':
      return entry.collection ? '<D:collection/>' : '';
    case 'displayname':
      return escapeText(entry.name);
    case 'getcontentlength':
      return entry.size === undefined ? null : String(entry.size);
    case 'getcontenttype':
      return entry.contentType ? escapeText(entry.contentType) : null;
    case 'getetag':
      return entry.etag ? escapeText(entry.etag) : null;
    case 'getlastmodified':
      return entry.updatedAt ? httpDate(entry.updatedAt) : null;
    case 'creationdate':
      // Stored timestamps are already what RFC 4918 asks for here (RFC 3339, UTC).
      if (!entry.createdAt) return null;
      return ISO_UTC.test(entry.createdAt) ? entry.createdAt : new Date(entry.createdAt).toISOString();
    case 'supportedlock':
      return entry.place ? SUPPORTED_LOCK_XML : null;
    case 'lockdiscovery':
      return entry.place ? lockXml : null;
    default:
      return null;
  }
}

/** The DAV:lockdiscovery content of an entry: its WebDAV locks, or a web check-out shown as an exclusive lock. */
function lockDiscovery(entry: Entry, locks: LockRow[], now: number): string {
  if (!entry.place) return '';
  if (locks.length > 0) return locks.map((lock) => activeLockXml(lock, now)).join('');
  // A check-out taken on the web shows too, so WebDAV clients see that the file is being edited.
  return entry.checkedOutBy
    ? `<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope><D:depth>0</D:depth><D:owner>${escapeText(`Checked out by ${entry.checkedOutBy}`)}</D:owner></D:activelock>`
    : '';
}

/** What a PROPFIND asks of every entry, worked out once per request rather than once per entry. */
type Plan = { names: { ns: string; local: string; live: boolean }[]; values: boolean; deadToo: boolean };

function planOf(wanted: Wanted): Plan {
  if (wanted.kind === 'prop') {
    const names = wanted.names.map(({ ns, local }) => ({ ns, local, live: ns === DAV && LIVE.includes(local) }));
    return { names, values: true, deadToo: false };
  }
  const names = LIVE.map((local) => ({ ns: DAV, local, live: true }));
  return { names, values: wanted.kind === 'allprop', deadToo: true };
}

function responseFor(entry: Entry, plan: Plan, dead: DeadProperty[], lockXml: string): string {
  let found = '';
  let missing = '';
  for (const { ns, local, live } of plan.names) {
    const value = live ? liveValue(entry, local, lockXml) : null;
    if (value !== null) {
      found += propElement(ns, local, plan.values ? value : '');
      continue;
    }
    const stored = plan.deadToo ? undefined : dead.find((p) => p.namespace === ns && p.name === local);
    if (stored) found += propElement(ns, local, stored.value);
    else if (!plan.deadToo) missing += propElement(ns, local);
  }
  if (plan.deadToo) for (const p of dead) found += propElement(p.namespace, p.name, plan.values ? p.value : '');
  const propstat = (props: string, status: string) =>
    props === '' ? '' : `<D:propstat><D:prop>${props}</D:prop><D:status>HTTP/1.1 ${status}</D:status></D:propstat>`;
  return `<D:response><D:href>${escapeText(entry.href)}</D:href>${propstat(found, '200 OK')}${propstat(missing, '404 Not Found')}</D:response>`;
}

function documentEntry(href: string, place: Entry['place'], doc: DocumentSummary, hash: string | undefined): Entry {
  return {
    href,
    collection: false,
    name: doc.name,
    propsKey: doc.id,
    place,
    size: doc.size,
    contentType: doc.mimeType,
    etag: hash ? davEtag(hash) : undefined,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    checkedOutBy: doc.lock?.by?.name ?? null,
  };
}

/** The entries a PROPFIND covers: the target, and its members at depth 1. Every read goes through the services. */
async function entriesFor(ctx: RequestContext, target: Target, depth: '0' | '1'): Promise<Entry[]> {
  if (target.kind === 'root') {
    const root: Entry = { href: target.href, collection: true, name: 'Gatehouse', propsKey: null, place: null };
    if (depth === '0') return [root];
    const { spaces } = await listSpaces(ctx);
    return [
      root,
      ...spaces.map((space) => ({
        href: hrefOf(space.slug, [], true),
        collection: true,
        name: space.name,
        propsKey: space.id,
        place: () => ({ pathKey: pathKeyOf(space.id, []), ancestors: [] }),
        createdAt: space.createdAt,
      })),
    ];
  }
  if (target.kind === 'unknown-space' || target.kind === 'missing') throw errors.notFound();
  const place = () => ({ pathKey: target.pathKey, ancestors: target.ancestors });
  if (target.kind === 'document') {
    const doc = await getDocument(ctx, { id: target.id });
    const hashes = await unsafeCurrentHashes(ctx.db, [doc.id]);
    return [documentEntry(target.href, place, doc, hashes.get(doc.id))];
  }
  const folderId = target.kind === 'folder' ? target.id : null;
  const self: Entry = {
    href: target.href,
    collection: true,
    name: target.kind === 'folder' ? target.name : target.space.name,
    propsKey: target.id,
    place,
    createdAt: target.kind === 'folder' ? target.createdAt : target.space.createdAt,
    updatedAt: target.kind === 'folder' ? target.updatedAt : undefined,
  };
  if (depth === '0') {
    await authorizeFolder(ctx, { spaceId: target.space.id, folderId, action: 'folder.read' });
    return [self];
  }
  const contents = await listFolderContents(ctx, { spaceId: target.space.id, folderId });
  // Shared by every member: the members of a 10,000-entry folder should cost little more than their own fields.
  const ancestors = [...target.ancestors, target.pathKey];
  const prefix = hrefOf(target.space.slug, target.names, true);
  const spaceId = target.space.id;
  const placeOf = (name: string) => () => ({ pathKey: pathKeyOf(spaceId, [...target.names, name]), ancestors });
  return [
    self,
    ...contents.folders.map(
      (folder): Entry => ({
        href: `${prefix}${encodeURIComponent(folder.name)}/`,
        collection: true,
        name: folder.name,
        propsKey: memberKey(folder.name),
        place: placeOf(folder.name),
        createdAt: folder.created_at,
        updatedAt: folder.updated_at,
      }),
    ),
    ...contents.documents.map(
      (doc): Entry => ({
        href: `${prefix}${encodeURIComponent(doc.name)}`,
        collection: false,
        name: doc.name,
        propsKey: memberKey(doc.name),
        place: placeOf(doc.name),
        size: Number(doc.size),
        contentType: doc.mime_type,
        etag: doc.blob_sha256 ? davEtag(doc.blob_sha256) : undefined,
        createdAt: doc.created_at,
        updatedAt: doc.updated_at,
        checkedOutBy: contents.checkedOut.get(doc.name) ?? null,
      }),
    ),
  ];
}

const memberKey = (name: string) => `member:${name}`;

/** Dead properties of the entries by `propsKey`: the target's own, and its members' with one set-based query. */
async function deadPropertiesOf(ctx: RequestContext, target: Target, entries: Entry[], depth: '0' | '1') {
  const listsMembers = depth === '1' && (target.kind === 'space' || target.kind === 'folder');
  const ids = (listsMembers ? entries.slice(0, 1) : entries).flatMap((e) => (e.propsKey ? [e.propsKey] : []));
  const rows: (DeadProperty & { key: string })[] = (await listPropertiesOfMany(ctx.db, ids)).map((row) => ({
    key: row.resource_id,
    namespace: row.namespace,
    name: row.name,
    value: row.value,
  }));
  if (listsMembers) {
    const members = await listPropertiesOfMembers(ctx.db, {
      spaceId: target.space.id,
      folderId: target.kind === 'folder' ? target.id : null,
    });
    for (const row of members) {
      rows.push({ key: memberKey(row.member), namespace: row.namespace, name: row.name, value: row.value });
    }
  }
  const dead = new Map<string, DeadProperty[]>();
  for (const row of rows) {
    const list = dead.get(row.key);
    if (list) list.push(row);
    else dead.set(row.key, [row]);
  }
  return dead;
}

/** PROPFIND at depth 0 or 1; `Depth: infinity` (or none, which means infinity) is refused as RFC 4918 allows. */
export async function propfind(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  const depthHeader = String(request.headers.depth ?? 'infinity').toLowerCase();
  if (depthHeader !== '0' && depthHeader !== '1') throw new DavError(403, '<D:propfind-finite-depth/>');
  const wanted = parsePropfind(await readXml(request));
  const entries = await entriesFor(ctx, target, depthHeader);
  const dead = await deadPropertiesOf(ctx, target, entries, depthHeader);
  const place = 'pathKey' in target ? { pathKey: target.pathKey, ancestors: target.ancestors } : null;
  // No lock on the target, its ancestors or anything below it (the usual case): members need no lock lookup.
  const lockFree = place !== null && (await liveLocks(ctx, place, { below: true })).length === 0;
  const wantsLocks =
    wanted.kind === 'allprop' ||
    (wanted.kind === 'prop' && wanted.names.some((n) => n.ns === DAV && n.local === 'lockdiscovery'));
  const plan = planOf(wanted);
  const now = ctx.clock.now().getTime();
  // Every query runs before the first byte is sent, so a failure is still a clean error answer.
  const lockXml = new Map<Entry, string>();
  if (wantsLocks) {
    for (const entry of entries) {
      const locks = !lockFree && entry.place ? await liveLocks(ctx, entry.place()) : [];
      const xml = lockDiscovery(entry, locks, now);
      if (xml) lockXml.set(entry, xml);
    }
  }
  const none: DeadProperty[] = [];
  const responses = function* () {
    for (const entry of entries) {
      yield responseFor(entry, plan, (entry.propsKey && dead.get(entry.propsKey)) || none, lockXml.get(entry) ?? '');
    }
  };
  if (entries.length <= STREAM_ABOVE) {
    return sendXml(reply, 207, `<D:multistatus xmlns:D="DAV:">${[...responses()].join('')}</D:multistatus>`);
  }
  return reply
    .code(207)
    .type('application/xml; charset=utf-8')
    .send(Readable.from(inChunks(responses())));
}

/** Large answers go out as they are written, in chunks of about this many bytes: no 7 MB string for a big folder. */
const CHUNK_BYTES = 256 * 1024;
const STREAM_ABOVE = 100;

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
