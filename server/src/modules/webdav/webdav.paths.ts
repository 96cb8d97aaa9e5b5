import { NodeName, type Space } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/http/errors';
import { nameKey } from '../documents';
import { listSpacesWith } from '../spaces';
import { unsafeFindLiveChild } from './webdav.queries';

const DAV_PREFIX = '/dav';

/** Where a URL lands. `pathKey` identifies the place for locks: `<space id>/<lower-cased names…>`. */
type Placed = { href: string; pathKey: string; ancestors: string[]; space: Space; names: string[] };
export type Target =
  | { kind: 'root'; href: string }
  | { kind: 'unknown-space'; href: string }
  | (Placed & { kind: 'space'; id: string })
  | (Placed & {
      kind: 'folder';
      id: string;
      name: string;
      parentId: string | null;
      createdAt: string;
      updatedAt: string;
    })
  | (Placed & {
      kind: 'document';
      id: string;
      name: string;
      parentId: string | null;
      createdAt: string;
      updatedAt: string;
    })
  /** Nothing there yet; `parentId` is undefined when the parent collection does not exist either. */
  | (Placed & { kind: 'missing'; name: string; parentId: string | null | undefined });

const badPath = (detail: string) => new AppError('http.bad_request', 400, 'Invalid WebDAV path', detail);

/**
 * Splits a request path under /dav into decoded segments (the space slug first). `.` is dropped and `..` pops, but
 * never above the space: a path may not climb out of where it points. NUL and undecodable escapes are refused.
 */
export function parseDavPath(rawPath: string): { segments: string[]; trailingSlash: boolean } {
  const path = rawPath.split('?')[0].split('#')[0];
  if (path !== DAV_PREFIX && !path.startsWith(`${DAV_PREFIX}/`)) throw badPath('Not a WebDAV path.');
  const segments: string[] = [];
  for (const raw of path.slice(DAV_PREFIX.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw badPath('Invalid percent-encoding.');
    }
    if (segment.includes('\u0000') || segment.includes('/') || segment.includes('\\')) {
      throw badPath('Invalid character in a path segment.');
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length <= 1) throw badPath('The path climbs out of its space.');
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return { segments, trailingSlash: path.endsWith('/') };
}

export function hrefOf(slug: string | null, names: string[], collection: boolean): string {
  const parts = slug === null ? [] : [slug, ...names];
  const encoded = parts.map((part) => encodeURIComponent(part)).join('/');
  if (parts.length === 0) return `${DAV_PREFIX}/`;
  return `${DAV_PREFIX}/${encoded}${collection ? '/' : ''}`;
}

export function pathKeyOf(spaceId: string, names: string[]): string {
  return [spaceId, ...names.map(nameKey)].join('/');
}

function ancestorKeys(spaceId: string, names: string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < names.length; i += 1) keys.push(pathKeyOf(spaceId, names.slice(0, i)));
  return keys;
}

/** A name a new item may take: the contract's rules, and no trimming silently changing what the client asked for. */
export function ensureNodeName(name: string): string {
  const parsed = NodeName.safeParse(name);
  if (!parsed.success || parsed.data !== name) {
    throw new AppError('http.validation_failed', 400, 'Invalid request', 'This name cannot be used.');
  }
  return name;
}

/**
 * Finds what a WebDAV path designates for the actor. A space they do not belong to (or without documents) looks
 * exactly like one that does not exist (the spaces service lists only theirs); inside a space, trashed items do not exist.
 */
export async function resolveTarget(ctx: RequestContext, segments: string[]): Promise<Target> {
  if (segments.length === 0) return { kind: 'root', href: hrefOf(null, [], true) };
  const [slug, ...names] = segments;
  // A space whose documents are turned off has nothing to mount: it is as absent as a space the actor is not in.
  const spaces = await listSpacesWith(ctx, 'documents');
  const space = spaces.find((candidate) => candidate.slug === slug);
  if (!space) return { kind: 'unknown-space', href: hrefOf(slug, [], true) };
  const placed = (collection: boolean): Placed => ({
    href: hrefOf(space.slug, names, collection),
    pathKey: pathKeyOf(space.id, names),
    ancestors: ancestorKeys(space.id, names),
    space,
    names,
  });
  if (names.length === 0) return { kind: 'space', id: space.id, ...placed(true) };
  let parentId: string | null = null;
  for (let i = 0; i < names.length; i += 1) {
    const found = await unsafeFindLiveChild(ctx.db, { spaceId: space.id, parentId, nameKey: nameKey(names[i]) });
    const last = i === names.length - 1;
    if (!found) {
      return { kind: 'missing', name: names[i], parentId: last ? parentId : undefined, ...placed(false) };
    }
    if (last) {
      const common = {
        id: found.id,
        name: found.name,
        parentId,
        createdAt: found.created_at,
        updatedAt: found.updated_at,
      };
      return found.kind === 'folder'
        ? { kind: 'folder', ...common, ...placed(true) }
        : { kind: 'document', ...common, ...placed(false) };
    }
    if (found.kind !== 'folder') return { kind: 'missing', name: names[i], parentId: undefined, ...placed(false) };
    parentId = found.id;
  }
  throw new Error('unreachable');
}
