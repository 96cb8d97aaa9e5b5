import type { DocumentSummary } from '@gatehouse/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { authorizeDocument, authorizeFolder } from '../documents/documents.access';
import { getDocument } from '../documents/documents.service';
import { listFiles } from '../documents/files.service';
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
import { listPropertiesOfMany, removeProperty, setProperty, unsafeCurrentHashes } from './webdav.queries';
import { child, DAV, elements, escapeXml, is, propElement, serializeNodes, type XmlElement } from './webdav.xml';

/** One resource of a PROPFIND answer with what its live properties are made of. */
type Entry = {
  href: string;
  collection: boolean;
  name: string;
  resourceId: string | null;
  place: { pathKey: string; ancestors: string[] } | null;
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

/** What one PROPFIND loads once for all its entries instead of once per entry. */
type Prefetched = {
  dead: Map<string, { namespace: string; name: string; value: string }[]>;
  /** No lock exists on the target, its ancestors or anything below it: members need no lock lookup. */
  lockFree: boolean;
};

async function liveValue(ctx: RequestContext, entry: Entry, local: string, known: Prefetched): Promise<string | null> {
  switch (local) {
    case 'resourcetype':
      return entry.collection ? '<D:collection/>' : '';
    case 'displayname':
      return escapeXml(entry.name);
    case 'getcontentlength':
      return entry.size === undefined ? null : String(entry.size);
    case 'getcontenttype':
      return entry.contentType ? escapeXml(entry.contentType) : null;
    case 'getetag':
      return entry.etag ? escapeXml(entry.etag) : null;
    case 'getlastmodified':
      return entry.updatedAt ? new Date(entry.updatedAt).toUTCString() : null;
    case 'creationdate':
      return entry.createdAt ? new Date(entry.createdAt).toISOString() : null;
    case 'supportedlock':
      return entry.place ? SUPPORTED_LOCK_XML : null;
    case 'lockdiscovery': {
      if (!entry.place) return null;
      const now = ctx.clock.now().getTime();
      const locks = known.lockFree ? [] : await liveLocks(ctx, entry.place);
      const xml = locks.map((lock) => activeLockXml(lock, now)).join('');
      // A check-out taken on the web shows too, so WebDAV clients see that the file is being edited.
      const web =
        locks.length === 0 && entry.checkedOutBy
          ? `<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope><D:depth>0</D:depth><D:owner>${escapeXml(`Checked out by ${entry.checkedOutBy}`)}</D:owner></D:activelock>`
          : '';
      return xml + web;
    }
    default:
      return null;
  }
}

async function responseFor(ctx: RequestContext, entry: Entry, wanted: Wanted, known: Prefetched): Promise<string> {
  const dead = entry.resourceId ? (known.dead.get(entry.resourceId) ?? []) : [];
  const found: string[] = [];
  const missing: string[] = [];
  if (wanted.kind === 'prop') {
    for (const { ns, local } of wanted.names) {
      const live = ns === DAV && LIVE.includes(local) ? await liveValue(ctx, entry, local, known) : null;
      const stored = dead.find((p) => p.namespace === ns && p.name === local);
      if (live !== null) found.push(propElement(ns, local, live));
      else if (stored) found.push(propElement(ns, local, stored.value));
      else missing.push(propElement(ns, local));
    }
  } else {
    for (const local of LIVE) {
      const live = await liveValue(ctx, entry, local, known);
      if (live !== null) found.push(propElement(DAV, local, wanted.kind === 'propname' ? '' : live));
    }
    for (const p of dead) found.push(propElement(p.namespace, p.name, wanted.kind === 'propname' ? '' : p.value));
  }
  const propstat = (props: string[], status: string) =>
    props.length === 0
      ? ''
      : `<D:propstat><D:prop>${props.join('')}</D:prop><D:status>HTTP/1.1 ${status}</D:status></D:propstat>`;
  return `<D:response><D:href>${escapeXml(entry.href)}</D:href>${propstat(found, '200 OK')}${propstat(missing, '404 Not Found')}</D:response>`;
}

function documentEntry(href: string, place: Entry['place'], doc: DocumentSummary, hash: string | undefined): Entry {
  return {
    href,
    collection: false,
    name: doc.name,
    resourceId: doc.id,
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
    const root: Entry = { href: target.href, collection: true, name: 'Gatehouse', resourceId: null, place: null };
    if (depth === '0') return [root];
    const { spaces } = await listSpaces(ctx);
    return [
      root,
      ...spaces.map((space) => ({
        href: hrefOf(space.slug, [], true),
        collection: true,
        name: space.name,
        resourceId: space.id,
        place: { pathKey: pathKeyOf(space.id, []), ancestors: [] },
        createdAt: space.createdAt,
      })),
    ];
  }
  if (target.kind === 'unknown-space' || target.kind === 'missing') throw errors.notFound();
  const place = { pathKey: target.pathKey, ancestors: target.ancestors };
  if (target.kind === 'document') {
    const doc = await getDocument(ctx, { id: target.id });
    const hashes = await unsafeCurrentHashes(ctx.db, [doc.id]);
    return [documentEntry(target.href, place, doc, hashes.get(doc.id))];
  }
  const folderId = target.kind === 'folder' ? target.id : undefined;
  const listing = await listFiles(ctx, { spaceId: target.space.id, folderId, trashed: 'false' });
  const self: Entry = {
    href: target.href,
    collection: true,
    name: target.kind === 'folder' ? target.name : target.space.name,
    resourceId: target.id,
    place,
    createdAt: target.kind === 'folder' ? target.createdAt : target.space.createdAt,
    updatedAt: target.kind === 'folder' ? target.updatedAt : undefined,
  };
  if (depth === '0') return [self];
  const hashes = await unsafeCurrentHashes(
    ctx.db,
    listing.documents.map((d) => d.id),
  );
  const at = (name: string) => {
    const names = [...target.names, name];
    return { pathKey: pathKeyOf(target.space.id, names), ancestors: [...target.ancestors, target.pathKey], names };
  };
  return [
    self,
    ...listing.folders.map((folder) => {
      const { names, ...where } = at(folder.name);
      return {
        href: hrefOf(target.space.slug, names, true),
        collection: true,
        name: folder.name,
        resourceId: folder.id,
        place: where,
        createdAt: folder.createdAt,
        updatedAt: folder.updatedAt,
      };
    }),
    ...listing.documents.map((doc) => {
      const { names, ...where } = at(doc.name);
      return documentEntry(hrefOf(target.space.slug, names, false), where, doc, hashes.get(doc.id));
    }),
  ];
}

/** PROPFIND at depth 0 or 1; `Depth: infinity` (or none, which means infinity) is refused as RFC 4918 allows. */
export async function propfind(ctx: RequestContext, request: FastifyRequest, reply: FastifyReply, target: Target) {
  const depthHeader = String(request.headers.depth ?? 'infinity').toLowerCase();
  if (depthHeader !== '0' && depthHeader !== '1') throw new DavError(403, '<D:propfind-finite-depth/>');
  const wanted = parsePropfind(await readXml(request));
  const entries = await entriesFor(ctx, target, depthHeader);
  const ids = entries.flatMap((entry) => (entry.resourceId ? [entry.resourceId] : []));
  const dead = new Map<string, { namespace: string; name: string; value: string }[]>();
  for (const row of await listPropertiesOfMany(ctx.db, ids)) {
    dead.set(row.resource_id, [...(dead.get(row.resource_id) ?? []), row]);
  }
  const place = 'pathKey' in target ? { pathKey: target.pathKey, ancestors: target.ancestors } : null;
  const lockFree = place !== null && (await liveLocks(ctx, place, { below: true })).length === 0;
  const responses: string[] = [];
  for (const entry of entries) responses.push(await responseFor(ctx, entry, wanted, { dead, lockFree }));
  return sendXml(reply, 207, `<D:multistatus xmlns:D="DAV:">${responses.join('')}</D:multistatus>`);
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
