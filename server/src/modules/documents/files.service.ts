import type { RouteResponse } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { actorId } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { abilities } from '../../core/policy/policy';
import { authorizeFolder } from './documents.access';
import { toDocumentSummary, toFolder } from './documents.mappers';
import {
  getDocumentSettings,
  listFolderDocuments,
  listTrashedRootDocuments,
  saveDocumentSettings,
  spaceUsageBytes,
} from './documents.queries';
import { folderAncestry, listChildFolders, listTrashedRootFolders } from './folders.queries';

type Listing = RouteResponse<'listFiles'>;
type Settings = RouteResponse<'getDocumentSettings'>;

/**
 * One folder of a space (or its root): sub-folders first, then documents, each sorted by name. With `trashed`, the
 * root shows what people put in the trash themselves, and a trashed folder shows what went to the trash with it.
 * Visibility is the space's: a person who is not a member gets 404 before any row is read.
 */
export async function listFiles(
  ctx: RequestContext,
  input: { spaceId: string; folderId?: string; trashed: 'true' | 'false' },
): Promise<Listing> {
  const { folder, facts, resource } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId: input.folderId ?? null,
    action: 'folder.read',
  });
  const trashed = input.trashed === 'true';
  const where = { spaceId: facts.spaceId, trashed };
  const [folders, documents] =
    trashed && !folder
      ? await Promise.all([
          listTrashedRootFolders(ctx.db, facts.spaceId),
          listTrashedRootDocuments(ctx.db, facts.spaceId),
        ])
      : await Promise.all([
          listChildFolders(ctx.db, { ...where, parentId: folder?.id ?? null }),
          listFolderDocuments(ctx.db, { ...where, folderId: folder?.id ?? null }),
        ]);
  const breadcrumb = folder ? await folderAncestry(ctx.db, folder.id) : [];
  const settings = await getDocumentSettings(ctx.db, facts.spaceId);
  return {
    folder: folder ? toFolder(ctx, facts, folder) : null,
    breadcrumb: breadcrumb.map(({ id, name }) => ({ id, name })),
    folders: folders.map((row) => toFolder(ctx, facts, row)),
    documents: documents.map((row) => toDocumentSummary(ctx, facts, row)),
    usage: {
      bytes: await spaceUsageBytes(ctx.db, facts.spaceId),
      quotaBytes: settings?.quota_bytes == null ? null : Number(settings.quota_bytes),
    },
    abilities: abilities(ctx.actor, resource),
  };
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
