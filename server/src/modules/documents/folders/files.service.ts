import type { RouteResponse } from '@gatehouse/contracts';
import { record } from '../../../core/audit/audit';
import { actorId } from '../../../core/auth/actor';
import type { RequestContext } from '../../../core/context';
import { errors } from '../../../core/http/errors';
import { abilities } from '../../../core/policy/policy';
import { authorizeFolder } from '../documents.access';
import { toDocumentSummary, toFolder } from '../documents.mappers';
import {
  countFolderDocuments,
  countTrashedRootDocuments,
  type FolderEntryRow,
  getDocumentSettings,
  listCheckedOutIn,
  listFolderDocuments,
  listFolderEntries,
  listingStamp,
  listTrashedRootDocuments,
  saveDocumentSettings,
  spaceUsageBytes,
} from '../documents.queries';
import {
  countChildFolders,
  countTrashedRootFolders,
  type FolderRow,
  folderAncestry,
  listChildFolders,
  listTrashedRootFolders,
} from './folders.queries';

type Listing = RouteResponse<'listFiles'>;
type Settings = RouteResponse<'getDocumentSettings'>;

/** Where the next page starts: in the sub-folders or in the documents, after this name key and id. */
type Cursor = { phase: 'folders' | 'documents'; key: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.phase === 'folders' ? 'f' : 'd', cursor.key, cursor.id])).toString(
    'base64url',
  );
}

const badCursor = () => errors.badRequest('This cursor does not come from a previous page of this listing.');

function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    (parsed[0] !== 'f' && parsed[0] !== 'd') ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  ) {
    throw badCursor();
  }
  return { phase: parsed[0] === 'f' ? 'folders' : 'documents', key: parsed[1], id: parsed[2] };
}

/**
 * One page of a folder of a space (or of its root): sub-folders first, then documents, each sorted by name. Pages
 * follow the (name key, id) order with a cursor, so the cost of a page does not grow with the size of the folder.
 * With `trashed`, the root shows what people put in the trash themselves, and a trashed folder shows what went to
 * the trash with it. Visibility is the space's: a person who is not a member gets 404 before any row is read.
 */
export async function listFiles(
  ctx: RequestContext,
  input: { spaceId: string; folderId?: string; trashed: 'true' | 'false'; limit: number; cursor?: string },
): Promise<Listing> {
  const { folder, facts, resource } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId: input.folderId ?? null,
    action: 'folder.read',
  });
  const cursor = decodeCursor(input.cursor);
  const trashed = input.trashed === 'true';
  const trashRoot = trashed && !folder;
  const spaceId = facts.spaceId;
  const parentId = folder?.id ?? null;
  // One row more than the page tells whether another page follows.
  const wanted = input.limit + 1;
  const folders =
    cursor?.phase === 'documents'
      ? []
      : trashRoot
        ? await listTrashedRootFolders(ctx.db, { spaceId, after: cursor, limit: wanted })
        : await listChildFolders(ctx.db, { spaceId, parentId, trashed, after: cursor, limit: wanted });
  const room = wanted - folders.length;
  const documentsAfter = cursor?.phase === 'documents' ? cursor : null;
  const documents =
    room <= 0
      ? []
      : trashRoot
        ? await listTrashedRootDocuments(ctx.db, { spaceId, after: documentsAfter, limit: room })
        : await listFolderDocuments(ctx.db, {
            spaceId,
            folderId: parentId,
            trashed,
            after: documentsAfter,
            limit: room,
          });
  const pageFolders = folders.slice(0, input.limit);
  const pageDocuments = documents.slice(0, input.limit - pageFolders.length);
  const more = folders.length + documents.length > input.limit;
  const last = pageDocuments.at(-1) ?? pageFolders.at(-1);
  const nextCursor =
    more && last
      ? encodeCursor({ phase: pageDocuments.length > 0 ? 'documents' : 'folders', key: last.name_key, id: last.id })
      : null;
  const [breadcrumb, settings, bytes, counts] = await Promise.all([
    folder ? folderAncestry(ctx.db, folder.id) : [],
    getDocumentSettings(ctx.db, spaceId),
    spaceUsageBytes(ctx.db, spaceId),
    Promise.all(
      trashRoot
        ? [countTrashedRootFolders(ctx.db, spaceId), countTrashedRootDocuments(ctx.db, spaceId)]
        : [
            countChildFolders(ctx.db, { spaceId, parentId, trashed }),
            countFolderDocuments(ctx.db, { spaceId, folderId: parentId, trashed }),
          ],
    ).then(([folderCount, documentCount]) => ({ folders: folderCount, documents: documentCount })),
  ]);
  return {
    folder: folder ? toFolder(ctx, facts, folder) : null,
    breadcrumb: breadcrumb.map(({ id, name }) => ({ id, name })),
    folders: pageFolders.map((row) => toFolder(ctx, facts, row)),
    documents: pageDocuments.map((row) => toDocumentSummary(ctx, facts, row)),
    usage: { bytes, quotaBytes: settings?.quota_bytes == null ? null : Number(settings.quota_bytes) },
    abilities: abilities(ctx.actor, resource),
    counts,
    nextCursor,
  };
}

/**
 * The sub-folders and live documents of a folder in full, for clients that cannot page (WebDAV, recursive copy), with
 * the documents checked out right now (by name, with who holds them).
 */
export async function listFolderContents(
  ctx: RequestContext,
  input: { spaceId: string; folderId: string | null },
): Promise<{ folders: FolderRow[]; documents: FolderEntryRow[]; checkedOut: Map<string, string> }> {
  const { facts } = await authorizeFolder(ctx, { ...input, action: 'folder.read' });
  const where = { spaceId: facts.spaceId, folderId: input.folderId };
  const [folders, documents, locked] = await Promise.all([
    listChildFolders(ctx.db, { spaceId: facts.spaceId, parentId: input.folderId, trashed: false }),
    listFolderEntries(ctx.db, where),
    listCheckedOutIn(ctx.db, { ...where, nowIso: ctx.clock.now().toISOString() }),
  ]);
  return { folders, documents, checkedOut: new Map(locked.map((row) => [row.name, row.holder_name])) };
}

/**
 * The stamp of a folder's listing, for the person who may read the folder: while it stays the same, nothing a listing
 * of the folder shows has changed (on any instance), so a listing rendered under it may be served again.
 */
export async function folderListingStamp(ctx: RequestContext, input: { spaceId: string; folderId: string | null }) {
  const { facts } = await authorizeFolder(ctx, { ...input, action: 'folder.read' });
  return listingStamp(ctx.db, { spaceId: facts.spaceId, folderId: input.folderId });
}

/** Every sub-folder and live document of a folder as full rows, for work on each of them (a recursive copy). */
export async function listFolderItems(ctx: RequestContext, input: { spaceId: string; folderId: string | null }) {
  const { facts } = await authorizeFolder(ctx, { ...input, action: 'folder.read' });
  const [folders, documents] = await Promise.all([
    listChildFolders(ctx.db, { spaceId: facts.spaceId, parentId: input.folderId, trashed: false }),
    listFolderDocuments(ctx.db, { spaceId: facts.spaceId, folderId: input.folderId, trashed: false }),
  ]);
  return { folders, documents };
}

function toSettings(row: Awaited<ReturnType<typeof getDocumentSettings>>): Settings {
  return {
    quotaBytes: row?.quota_bytes == null ? null : Number(row.quota_bytes),
    keepVersions: row?.keep_versions ?? null,
    keepDays: row?.keep_days ?? null,
  };
}

/** Every member may read the quota and retention rules (they see the usage in each listing anyway). */
export async function readDocumentSettings(ctx: RequestContext, input: { spaceId: string }): Promise<Settings> {
  const { facts } = await authorizeFolder(ctx, { spaceId: input.spaceId, folderId: null, action: 'folder.read' });
  return toSettings(await getDocumentSettings(ctx.db, facts.spaceId));
}

/**
 * Managers change the quota and retention. Retention applies from the next new version of each document; lowering
 * the quota below the current usage refuses further uploads but deletes nothing.
 */
export async function changeDocumentSettings(
  ctx: RequestContext,
  input: { spaceId: string } & Partial<Settings>,
): Promise<Settings> {
  const { facts } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId: null,
    action: 'document.manage_settings',
  });
  const current = toSettings(await getDocumentSettings(ctx.db, facts.spaceId));
  const next: Settings = {
    quotaBytes: input.quotaBytes === undefined ? current.quotaBytes : input.quotaBytes,
    keepVersions: input.keepVersions === undefined ? current.keepVersions : input.keepVersions,
    keepDays: input.keepDays === undefined ? current.keepDays : input.keepDays,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await saveDocumentSettings(trx, {
      spaceId: facts.spaceId,
      ...next,
      byId: actorId(ctx.actor),
      nowIso: ctx.clock.now().toISOString(),
    });
    await record(trx, ctx, {
      action: 'documents.settings_updated',
      target: { type: 'space', id: facts.spaceId },
      details: { previous: current, settings: next },
    });
  });
  return next;
}
