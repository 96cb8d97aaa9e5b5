import type { DbOrTrx } from '../../core/db/database';

/**
 * Read-only lookups that turn a WebDAV path into rows. They skip access checks (hence `unsafe`): the webdav paths
 * module authorizes the space through the spaces service before walking it, and every read or change of what they
 * find goes through the documents services, which authorize again.
 */
export async function unsafeFindLiveChild(
  db: DbOrTrx,
  args: { spaceId: string; parentId: string | null; nameKey: string },
) {
  const folder = await db
    .selectFrom('folders')
    .select(['id', 'name', 'created_at', 'updated_at'])
    .where('space_id', '=', args.spaceId)
    .where('parent_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('name_key', '=', args.nameKey)
    .where('trashed_at', 'is', null)
    .executeTakeFirst();
  if (folder) return { kind: 'folder' as const, ...folder };
  const doc = await db
    .selectFrom('documents')
    .select(['id', 'name', 'created_at', 'updated_at'])
    .where('space_id', '=', args.spaceId)
    .where('folder_id', args.parentId === null ? 'is' : '=', args.parentId)
    .where('name_key', '=', args.nameKey)
    .where('trashed_at', 'is', null)
    .executeTakeFirst();
  if (doc) return { kind: 'document' as const, ...doc };
  return null;
}

/** The blob hash of each document's current version: the strong ETag GET answers with. */
export async function unsafeCurrentHashes(db: DbOrTrx, documentIds: string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .select(['d.id', 'v.blob_sha256'])
    .where('d.id', 'in', documentIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.blob_sha256]));
}

function listProperties(db: DbOrTrx, resourceId: string) {
  return db
    .selectFrom('webdav_properties')
    .select(['namespace', 'name', 'value'])
    .where('resource_id', '=', resourceId)
    .orderBy('namespace')
    .orderBy('name')
    .execute();
}

/** Dead properties of many resources at once (a depth-1 PROPFIND would otherwise ask once per member). */
export function listPropertiesOfMany(db: DbOrTrx, resourceIds: string[]) {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('webdav_properties')
    .select(['resource_id', 'namespace', 'name', 'value'])
    .where('resource_id', 'in', resourceIds)
    .orderBy('namespace')
    .orderBy('name')
    .execute();
}

/**
 * Dead properties of the live members of a folder (or of a space's root), by member name (unique among the live items
 * of a folder), joined from the folder's side: a depth-1 PROPFIND on a large folder would otherwise send every
 * member's id as a query parameter.
 */
export async function listPropertiesOfMembers(db: DbOrTrx, args: { spaceId: string; folderId: string | null }) {
  const [documents, folders] = await Promise.all([
    db
      .selectFrom('webdav_properties as p')
      .innerJoin('documents as d', 'd.id', 'p.resource_id')
      .select(['d.name as member', 'p.namespace', 'p.name', 'p.value'])
      .where('d.space_id', '=', args.spaceId)
      .where('d.folder_id', args.folderId === null ? 'is' : '=', args.folderId)
      .where('d.trashed_at', 'is', null)
      .orderBy('p.namespace')
      .orderBy('p.name')
      .execute(),
    db
      .selectFrom('webdav_properties as p')
      .innerJoin('folders as f', 'f.id', 'p.resource_id')
      .select(['f.name as member', 'p.namespace', 'p.name', 'p.value'])
      .where('f.space_id', '=', args.spaceId)
      .where('f.parent_id', args.folderId === null ? 'is' : '=', args.folderId)
      .where('f.trashed_at', 'is', null)
      .orderBy('p.namespace')
      .orderBy('p.name')
      .execute(),
  ]);
  return [...documents, ...folders];
}

export async function setProperty(
  db: DbOrTrx,
  row: { resourceId: string; namespace: string; name: string; value: string; nowIso: string },
) {
  await db
    .insertInto('webdav_properties')
    .values({
      resource_id: row.resourceId,
      namespace: row.namespace,
      name: row.name,
      value: row.value,
      updated_at: row.nowIso,
    })
    .onConflict((oc) =>
      oc.columns(['resource_id', 'namespace', 'name']).doUpdateSet({ value: row.value, updated_at: row.nowIso }),
    )
    .execute();
}

export async function removeProperty(db: DbOrTrx, args: { resourceId: string; namespace: string; name: string }) {
  await db
    .deleteFrom('webdav_properties')
    .where('resource_id', '=', args.resourceId)
    .where('namespace', '=', args.namespace)
    .where('name', '=', args.name)
    .execute();
}

/** COPY carries the dead properties to the copy. */
export async function copyProperties(db: DbOrTrx, args: { fromId: string; toId: string; nowIso: string }) {
  const rows = await listProperties(db, args.fromId);
  for (const row of rows) {
    await setProperty(db, {
      resourceId: args.toId,
      namespace: row.namespace,
      name: row.name,
      value: row.value,
      nowIso: args.nowIso,
    });
  }
}

export type LockRow = Awaited<ReturnType<typeof listLocksFor>>[number];

/**
 * Live locks that bear on `pathKey`: on it, on an ancestor with depth infinity, and (with `below`) on anything under
 * it. Path keys only hold `/` as separator, so `[p/, p0)` is exactly the subtree (`0` follows `/`).
 */
export function listLocksFor(
  db: DbOrTrx,
  args: { pathKey: string; ancestors: string[]; below: boolean; nowIso: string },
) {
  return db
    .selectFrom('webdav_locks as l')
    .leftJoin('documents as d', 'd.id', 'l.document_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select([
      'l.token',
      'l.space_id',
      'l.path_key',
      'l.root_href',
      'l.user_id',
      'l.scope',
      'l.depth',
      'l.owner_xml',
      'l.timeout_seconds',
      'l.expires_at',
      'l.document_id',
      'd.lock_user_id as mirror_user_id',
      'd.lock_expires_at as mirror_expires_at',
      'u.name as user_name',
    ])
    .where('l.expires_at', '>', args.nowIso)
    .where((eb) =>
      eb.or([
        eb('l.path_key', '=', args.pathKey),
        ...(args.ancestors.length > 0
          ? [eb.and([eb('l.path_key', 'in', args.ancestors), eb('l.depth', '=', 'infinity')])]
          : []),
        ...(args.below
          ? [eb.and([eb('l.path_key', '>', `${args.pathKey}/`), eb('l.path_key', '<', `${args.pathKey}0`)])]
          : []),
      ]),
    )
    .execute();
}

export async function insertLock(
  db: DbOrTrx,
  row: {
    token: string;
    spaceId: string;
    pathKey: string;
    rootHref: string;
    userId: string;
    scope: 'exclusive' | 'shared';
    depth: '0' | 'infinity';
    ownerXml: string;
    timeoutSeconds: number;
    expiresAt: string;
    nowIso: string;
    documentId: string | null;
  },
) {
  await db
    .insertInto('webdav_locks')
    .values({
      token: row.token,
      space_id: row.spaceId,
      path_key: row.pathKey,
      root_href: row.rootHref,
      user_id: row.userId,
      scope: row.scope,
      depth: row.depth,
      owner_xml: row.ownerXml,
      timeout_seconds: row.timeoutSeconds,
      expires_at: row.expiresAt,
      created_at: row.nowIso,
      document_id: row.documentId,
    })
    .execute();
}

export async function refreshLockRow(db: DbOrTrx, args: { token: string; timeoutSeconds: number; expiresAt: string }) {
  await db
    .updateTable('webdav_locks')
    .set({ timeout_seconds: args.timeoutSeconds, expires_at: args.expiresAt })
    .where('token', '=', args.token)
    .execute();
}

export async function deleteLocks(db: DbOrTrx, tokens: string[]) {
  if (tokens.length === 0) return;
  await db.deleteFrom('webdav_locks').where('token', 'in', tokens).execute();
}
