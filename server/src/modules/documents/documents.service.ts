import type { DocumentSummary, RouteResponse } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { actorId } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { emit } from '../../core/events/events';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { authorizeDocument, authorizeFolder, ensureDocumentAllowed } from './documents.access';
import { nameTaken, withUniqueNames } from './documents.errors';
import { toDocumentSummary } from './documents.mappers';
import { copyName, mimeTypeFromName, nameKey, normalizeTags } from './documents.models';
import {
  type DocumentChanges,
  insertDocument,
  listDocumentConsultations,
  updateDocumentRow,
} from './documents.queries';
import { getFolderById, nameInUse } from './folders/folders.queries';
import { getVersionById } from './versions/versions.queries';
import { appendVersion, lockDocumentRow, reloadSummary } from './versions/versions.service';

export async function getDocument(ctx: RequestContext, input: { id: string }): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  return toDocumentSummary(ctx, facts, doc);
}

/** The folder a document goes to must be a live folder of the same space the actor may upload into. */
async function ensureDestination(ctx: RequestContext, spaceId: string, folderId: string | null) {
  await authorizeFolder(ctx, { spaceId, folderId, action: 'document.upload' });
}

/** Renames, moves within the space, describes or tags a document; 423 while someone else holds its lock. */
export async function updateDocument(
  ctx: RequestContext,
  input: { id: string; name?: string; folderId?: string | null; description?: string; tags?: string[] },
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.update' });
  const name = input.name?.trim() ?? doc.name;
  const folderId = input.folderId === undefined ? doc.folder_id : input.folderId;
  const moving = folderId !== doc.folder_id;
  if (moving) await ensureDestination(ctx, facts.spaceId, folderId);
  const set: DocumentChanges = {};
  if (name !== doc.name) Object.assign(set, { name, name_key: nameKey(name), mime_type: mimeTypeFromName(name) });
  if (moving) set.folder_id = folderId;
  if (input.description !== undefined && input.description !== doc.description) set.description = input.description;
  if (input.tags !== undefined) set.tags = JSON.stringify(normalizeTags(input.tags));
  if (set.tags === doc.tags) delete set.tags;
  if (Object.keys(set).length === 0) return toDocumentSummary(ctx, facts, doc);
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      ensureDocumentAllowed(ctx, facts, await lockDocumentRow(trx, doc.id), 'document.update');
      if (set.name_key !== undefined || moving) {
        const where = { spaceId: facts.spaceId, parentId: folderId, nameKey: nameKey(name), exceptId: doc.id };
        if (await nameInUse(trx, where)) throw nameTaken();
      }
      await updateDocumentRow(trx, {
        id: doc.id,
        byId: actorId(ctx.actor),
        nowIso: ctx.clock.now().toISOString(),
        set,
      });
      const changed = Object.keys(set).filter((key) => key !== 'name_key' && key !== 'mime_type');
      await emit(trx, ctx, {
        name: 'document.updated',
        payload: { documentId: doc.id, spaceId: facts.spaceId, changed },
      });
      await record(trx, ctx, {
        action: moving ? 'document.moved' : set.name ? 'document.renamed' : 'document.updated',
        target: { type: 'document', id: doc.id, label: name },
        details: {
          spaceId: facts.spaceId,
          changed,
          ...(set.name ? { previousName: doc.name, name } : {}),
          ...(moving ? { fromFolderId: doc.folder_id, toFolderId: folderId } : {}),
        },
      });
    }),
  );
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, doc.id);
}

/**
 * Copies a document into a folder of the same space: a new document whose single version points at the same blob,
 * so no byte is copied and no quota is spent. Without a name, a free "name (copy)" is chosen.
 */
export async function copyDocument(
  ctx: RequestContext,
  input: { id: string; folderId: string | null; name?: string },
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  await ensureDestination(ctx, facts.spaceId, input.folderId);
  const id = newId();
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      const free = async (candidate: string) =>
        !(await nameInUse(trx, { spaceId: facts.spaceId, parentId: input.folderId, nameKey: nameKey(candidate) }));
      let name = input.name?.trim() ?? doc.name;
      if (input.name && !(await free(name))) throw nameTaken();
      for (let n = 1; !(await free(name)); n += 1) name = copyName(doc.name, n);
      const nowIso = ctx.clock.now().toISOString();
      const byId = actorId(ctx.actor);
      const where = { spaceId: facts.spaceId, folderId: input.folderId, nameKey: nameKey(name) };
      await insertDocument(trx, {
        id,
        ...where,
        name,
        mimeType: mimeTypeFromName(name),
        description: doc.description,
        byId,
        nowIso,
      });
      const source = await getVersionById(trx, { documentId: doc.id, versionId: doc.current_version_id ?? '' });
      if (!source) throw errors.notFound();
      const comment = `Copied from ${doc.name}`;
      await appendVersion(trx, ctx, {
        documentId: id,
        spaceId: facts.spaceId,
        folderId: input.folderId,
        cause: 'copy',
        name,
        sha256: source.blob_sha256,
        size: Number(source.size),
        comment,
      });
      await record(trx, ctx, {
        action: 'document.copied',
        target: { type: 'document', id, label: name },
        details: {
          spaceId: facts.spaceId,
          fromDocumentId: doc.id,
          folderId: input.folderId,
          sha256: source.blob_sha256,
        },
      });
    }),
  );
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, id);
}

/** Puts a document in the trash (its own lock, if any, is released); 423 while someone else holds it. */
export async function trashDocument(ctx: RequestContext, input: { id: string }): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.delete' });
  if (doc.trashed_at) return toDocumentSummary(ctx, facts, doc);
  await ctx.db.transaction().execute(async (trx) => {
    ensureDocumentAllowed(ctx, facts, await lockDocumentRow(trx, doc.id), 'document.delete');
    const nowIso = ctx.clock.now().toISOString();
    const byId = actorId(ctx.actor);
    const set = {
      trashed_at: nowIso,
      trashed_by: byId,
      trash_root_id: null,
      lock_user_id: null,
      lock_expires_at: null,
    };
    await updateDocumentRow(trx, { id: doc.id, byId, nowIso, set });
    await emit(trx, ctx, {
      name: 'document.trashed',
      payload: { documentId: doc.id, spaceId: facts.spaceId, folderId: doc.folder_id },
    });
    await record(trx, ctx, {
      action: 'document.trashed',
      target: { type: 'document', id: doc.id, label: doc.name },
      details: { spaceId: facts.spaceId, folderId: doc.folder_id },
    });
  });
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, doc.id);
}

/** Restores a document; when its folder is still in the trash, it comes back at the root of the space. */
export async function restoreDocument(ctx: RequestContext, input: { id: string }): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.delete' });
  if (!doc.trashed_at) return toDocumentSummary(ctx, facts, doc);
  await withUniqueNames(() =>
    ctx.db.transaction().execute(async (trx) => {
      const folder = doc.folder_id ? await getFolderById(trx, doc.folder_id) : null;
      const folderId = folder && !folder.trashed_at ? folder.id : null;
      if (
        await nameInUse(trx, { spaceId: facts.spaceId, parentId: folderId, nameKey: doc.name_key, exceptId: doc.id })
      ) {
        throw nameTaken('A live item of the destination folder has the same name: rename it first.');
      }
      const nowIso = ctx.clock.now().toISOString();
      const set = { trashed_at: null, trashed_by: null, trash_root_id: null, folder_id: folderId };
      await updateDocumentRow(trx, { id: doc.id, byId: actorId(ctx.actor), nowIso, set });
      await emit(trx, ctx, {
        name: 'document.restored',
        payload: { documentId: doc.id, spaceId: facts.spaceId, folderId },
      });
      await record(trx, ctx, {
        action: 'document.restored',
        target: { type: 'document', id: doc.id, label: doc.name },
        details: { spaceId: facts.spaceId, folderId },
      });
    }),
  );
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, doc.id);
}

const ACCESS_LOG_LIMIT = 500;

/** Who read the content of this document, newest first (managers and owners). */
export async function documentAccessLog(
  ctx: RequestContext,
  input: { id: string },
): Promise<RouteResponse<'documentAccessLog'>['entries']> {
  const { doc } = await authorizeDocument(ctx, { id: input.id, action: 'document.read_access_log' });
  const rows = await listDocumentConsultations(ctx.db, { documentId: doc.id, limit: ACCESS_LOG_LIMIT });
  return rows.map((row) => {
    const details = JSON.parse(row.details) as { version?: unknown; range?: unknown };
    return {
      at: row.at,
      action: row.action,
      actor: { id: row.actor_id, label: row.actor_label },
      ip: row.ip,
      version: typeof details.version === 'number' ? details.version : null,
      range: typeof details.range === 'string' ? details.range : null,
    };
  });
}
