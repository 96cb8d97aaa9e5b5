import type { DocumentSummary, DocumentVersion } from '@gatehouse/contracts';
import { record } from '../../../core/audit/audit';
import { actorId } from '../../../core/auth/actor';
import type { RequestContext } from '../../../core/context';
import type { Trx } from '../../../core/db/database';
import { emit } from '../../../core/events/events';
import { errors } from '../../../core/http/errors';
import { newId } from '../../../core/ids';
import { authorizeDocument, ensureDocumentAllowed, type SpaceFacts } from '../documents.access';
import { toDocumentSummary, toVersion } from '../documents.mappers';
import { mimeTypeFromName, versionsToPrune } from '../documents.models';
import { getDocumentById, getDocumentSettings, touchDocumentRow, updateDocumentRow } from '../documents.queries';
import { queueThumbnail } from '../thumbnails/thumbnails.jobs';
import { deleteVersions, getVersionById, insertVersion, lastVersionNumber, listVersionsOf } from './versions.queries';

/**
 * Re-reads a document inside the transaction after touching its row: in PostgreSQL the UPDATE holds the row lock
 * until commit, so concurrent versions (and locks) of one document are decided one after the other. SQLite already
 * runs one writer at a time.
 */
export async function lockDocumentRow(trx: Trx, id: string) {
  await touchDocumentRow(trx, id);
  const row = await getDocumentById(trx, id);
  if (!row) throw errors.notFound();
  return row;
}

/**
 * Adds a version pointing at a stored blob and makes it current. Call inside the transaction that records it;
 * `spaceId`, `folderId` and `cause` describe the change to the `document.version_added` event.
 */
export async function appendVersion(
  trx: Trx,
  ctx: RequestContext,
  args: {
    documentId: string;
    spaceId: string;
    folderId: string | null;
    cause: 'upload' | 'restore' | 'copy';
    name: string;
    sha256: string;
    size: number;
    comment: string;
  },
): Promise<{ id: string; number: number }> {
  const nowIso = ctx.clock.now().toISOString();
  const number = (await lastVersionNumber(trx, args.documentId)) + 1;
  const id = newId();
  const mimeType = mimeTypeFromName(args.name);
  await insertVersion(trx, {
    id,
    documentId: args.documentId,
    number,
    sha256: args.sha256,
    size: args.size,
    mimeType,
    authorId: actorId(ctx.actor),
    comment: args.comment,
    nowIso,
  });
  await updateDocumentRow(trx, {
    id: args.documentId,
    byId: actorId(ctx.actor),
    nowIso,
    set: { current_version_id: id, version: number, size: args.size, mime_type: mimeType },
  });
  // Every new version — upload, re-upload, restore, copy — passes here, so this is the one place that tells the
  // rest of the server (search indexing, followers' notices) and queues the thumbnail.
  await emit(trx, ctx, {
    name: 'document.version_added',
    payload: {
      documentId: args.documentId,
      spaceId: args.spaceId,
      folderId: args.folderId,
      versionId: id,
      versionNumber: number,
      cause: args.cause,
    },
  });
  await queueThumbnail(trx, ctx.clock.now(), { versionId: id, mimeType });
  return { id, number };
}

/**
 * Applies the space's retention after a new version: keeps the newest `keep_versions` and those younger than
 * `keep_days` (each limit on its own), never the current version. Only version rows go (their thumbnail rows with
 * them, by cascade); blobs are left to fsck.
 */
export async function applyRetention(
  trx: Trx,
  ctx: RequestContext,
  args: { documentId: string; spaceId: string; currentId: string; name: string },
): Promise<void> {
  const settings = await getDocumentSettings(trx, args.spaceId);
  if (!settings || (settings.keep_versions === null && settings.keep_days === null)) return;
  const versions = await listVersionsOf(trx, args.documentId);
  const pruned = versionsToPrune(
    versions.map((v) => ({ id: v.id, number: Number(v.number), created_at: v.created_at })),
    {
      currentId: args.currentId,
      keepVersions: settings.keep_versions,
      keepDays: settings.keep_days,
      now: ctx.clock.now(),
    },
  );
  if (pruned.length === 0) return;
  await deleteVersions(
    trx,
    pruned.map((v) => v.id),
  );
  await record(trx, ctx, {
    action: 'document.versions_pruned',
    target: { type: 'document', id: args.documentId, label: args.name },
    details: { versions: pruned.map((v) => v.number).sort((a, b) => a - b) },
  });
}

export async function listVersions(ctx: RequestContext, input: { id: string }): Promise<DocumentVersion[]> {
  const { doc } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  const rows = await listVersionsOf(ctx.db, doc.id);
  return rows.map((row) => toVersion(row, doc.current_version_id));
}

/** Makes an old version current again by adding a new version that points at the same blob: history only grows. */
export async function restoreVersion(
  ctx: RequestContext,
  input: { id: string; versionId: string },
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.upload' });
  const version = await getVersionById(ctx.db, { documentId: doc.id, versionId: input.versionId });
  if (!version) throw errors.notFound('No such version of this document.');
  if (version.id === doc.current_version_id) return toDocumentSummary(ctx, facts, doc);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockDocumentRow(trx, doc.id);
    ensureDocumentAllowed(ctx, facts, current, 'document.upload');
    const added = await appendVersion(trx, ctx, {
      documentId: doc.id,
      spaceId: facts.spaceId,
      folderId: current.folder_id,
      cause: 'restore',
      name: current.name,
      sha256: version.blob_sha256,
      size: Number(version.size),
      comment: `Restored from version ${version.number}`,
    });
    await record(trx, ctx, {
      action: 'document.version_restored',
      target: { type: 'document', id: doc.id, label: current.name },
      details: { spaceId: facts.spaceId, from: Number(version.number), version: added.number },
    });
    await applyRetention(trx, ctx, {
      documentId: doc.id,
      spaceId: facts.spaceId,
      currentId: added.id,
      name: current.name,
    });
  });
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, doc.id);
}

export async function reloadSummary(ctx: RequestContext, facts: SpaceFacts, id: string): Promise<DocumentSummary> {
  const row = await getDocumentById(ctx.db, id);
  if (!row) throw errors.notFound();
  return toDocumentSummary(ctx, facts, row);
}
