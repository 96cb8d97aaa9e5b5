import type { Readable } from 'node:stream';
import { type DocumentSummary, NodeName } from '@gatehouse/contracts';
import { record } from '../../../core/audit/audit';
import { actorId } from '../../../core/auth/actor';
import type { RequestContext } from '../../../core/context';
import type { Trx } from '../../../core/db/database';
import { isUniqueViolation, lockSequence } from '../../../core/db/dialect';
import { AppError } from '../../../core/http/errors';
import { newId } from '../../../core/ids';
import { BlobTooLargeError, type PutResult, StorageFullError } from '../../../core/storage/blob-store';
import { recordBlob } from '../../../core/storage/blobs.queries';
import { authorizeDocument, authorizeFolder, ensureDocumentAllowed, type SpaceFacts } from '../documents.access';
import { fileTooLarge, nameTaken, quotaExceeded, storageFull } from '../documents.errors';
import { mimeTypeFromName, nameKey } from '../documents.models';
import {
  findLiveDocumentByName,
  getDocumentSettings,
  insertDocument,
  spaceHoldsBlob,
  spaceUsageBytes,
} from '../documents.queries';
import { nameInUse } from '../folders/folders.queries';
import { appendVersion, applyRetention, lockDocumentRow, reloadSummary } from '../versions/versions.service';

type IncomingFile = { fileName: string; stream: Readable; comment?: string };

/** Two uploads racing for the same new name: the loser retries and becomes a new version of the winner's document. */
const ATTEMPTS = 3;

function ensureValidName(fileName: string): string {
  const parsed = NodeName.safeParse(fileName);
  if (parsed.success) return parsed.data;
  throw new AppError('http.validation_failed', 400, 'Invalid request', 'This file name cannot be used.', {}, [
    { path: 'file.filename', message: parsed.error.issues[0]?.message ?? 'invalid' },
  ]);
}

/**
 * Streams the file into the store, never buffering it. With a quota, the store stops reading at the bytes left:
 * a quota is refused before the whole file crosses the network when possible, and checked again on commit.
 */
export async function storeFile(ctx: RequestContext, spaceId: string, stream: Readable): Promise<PutResult> {
  const settings = await getDocumentSettings(ctx.db, spaceId);
  const quota = settings?.quota_bytes == null ? null : Number(settings.quota_bytes);
  const left =
    quota === null ? Number.POSITIVE_INFINITY : Math.max(0, quota - (await spaceUsageBytes(ctx.db, spaceId)));
  const quotaBound = left < ctx.config.MAX_UPLOAD_BYTES;
  try {
    const put = await ctx.blobs.put(stream, { maxBytes: quotaBound ? left : ctx.config.MAX_UPLOAD_BYTES });
    // A parser that cut the file short must never pass for a complete upload (the orphan blob is left to fsck).
    if ((stream as { truncated?: boolean }).truncated) throw new BlobTooLargeError(ctx.config.MAX_UPLOAD_BYTES);
    return put;
  } catch (error) {
    const tooLarge =
      error instanceof BlobTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
    if (tooLarge && quotaBound) throw quotaExceeded(`This space has ${left} bytes left.`);
    if (tooLarge) throw fileTooLarge(`The largest file accepted is ${ctx.config.MAX_UPLOAD_BYTES} bytes.`);
    if (error instanceof StorageFullError) throw storageFull();
    throw error;
  }
}

/**
 * The authoritative quota check, inside the commit. Uploads of one space are serialized here (PostgreSQL advisory
 * lock; SQLite has one writer) so two concurrent uploads cannot both squeeze under the limit.
 */
async function ensureQuota(trx: Trx, spaceId: string, put: PutResult): Promise<void> {
  await lockSequence(trx, `documents-quota:${spaceId}`);
  const settings = await getDocumentSettings(trx, spaceId);
  if (settings?.quota_bytes == null) return;
  if (await spaceHoldsBlob(trx, { spaceId, sha256: put.sha256 })) return;
  const usage = await spaceUsageBytes(trx, spaceId);
  if (usage + put.size > Number(settings.quota_bytes)) {
    throw quotaExceeded(`This space uses ${usage} of ${Number(settings.quota_bytes)} bytes.`);
  }
}

async function commitVersion(
  trx: Trx,
  ctx: RequestContext,
  args: { facts: SpaceFacts; documentId: string; put: PutResult; comment: string },
): Promise<void> {
  const current = await lockDocumentRow(trx, args.documentId);
  ensureDocumentAllowed(ctx, args.facts, current, 'document.upload');
  const added = await appendVersion(trx, ctx, {
    documentId: current.id,
    spaceId: args.facts.spaceId,
    folderId: current.folder_id,
    cause: 'upload',
    name: current.name,
    sha256: args.put.sha256,
    size: args.put.size,
    comment: args.comment,
  });
  await record(trx, ctx, {
    action: 'document.version_added',
    target: { type: 'document', id: current.id, label: current.name },
    details: { spaceId: args.facts.spaceId, version: added.number, size: args.put.size, sha256: args.put.sha256 },
  });
  await applyRetention(trx, ctx, {
    documentId: current.id,
    spaceId: args.facts.spaceId,
    currentId: added.id,
    name: current.name,
  });
}

async function retryOnRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Uploads a file into a folder (or the root) of a space. A live document with the same name (case-insensitive) gets
 * a new version instead — refused with 423 while someone else holds its lock. Answers once the bytes are durable and
 * the rows committed.
 */
export async function uploadDocument(
  ctx: RequestContext,
  input: IncomingFile & { spaceId: string; folderId: string | null },
): Promise<{ document: DocumentSummary; created: boolean }> {
  const name = ensureValidName(input.fileName);
  const { facts } = await authorizeFolder(ctx, {
    spaceId: input.spaceId,
    folderId: input.folderId,
    action: 'document.upload',
  });
  const key = nameKey(name);
  const where = { spaceId: facts.spaceId, folderId: input.folderId, nameKey: key };
  // Refuse early, before the bytes cross the network, what the commit would refuse anyway.
  const existing = await findLiveDocumentByName(ctx.db, where);
  if (existing) await authorizeDocument(ctx, { id: existing.id, action: 'document.upload' });
  else if (await nameInUse(ctx.db, { ...where, parentId: input.folderId })) throw nameTaken();

  const put = await storeFile(ctx, facts.spaceId, input.stream);
  const comment = input.comment ?? '';
  const outcome = await retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      await recordBlob(trx, { ...put, storage: ctx.blobs.kind, createdAt: ctx.clock.now().toISOString() });
      await ensureQuota(trx, facts.spaceId, put);
      const twin = await findLiveDocumentByName(trx, where);
      if (twin) {
        await commitVersion(trx, ctx, { facts, documentId: twin.id, put, comment });
        return { id: twin.id, created: false };
      }
      if (await nameInUse(trx, { ...where, parentId: input.folderId })) throw nameTaken();
      const id = newId();
      const nowIso = ctx.clock.now().toISOString();
      const byId = actorId(ctx.actor);
      await insertDocument(trx, { id, ...where, name, mimeType: mimeTypeFromName(name), byId, nowIso });
      const added = await appendVersion(trx, ctx, {
        documentId: id,
        spaceId: facts.spaceId,
        folderId: input.folderId,
        cause: 'upload',
        name,
        sha256: put.sha256,
        size: put.size,
        comment,
      });
      await record(trx, ctx, {
        action: 'document.uploaded',
        target: { type: 'document', id, label: name },
        details: {
          spaceId: facts.spaceId,
          folderId: input.folderId,
          version: added.number,
          size: put.size,
          sha256: put.sha256,
        },
      });
      return { id, created: true };
    }),
  );
  ctx.wakeJobs();
  return { document: await reloadSummary(ctx, facts, outcome.id), created: outcome.created };
}

/** Uploads a new version of a known document (its name stays; the uploaded file's name is ignored). */
export async function uploadVersion(
  ctx: RequestContext,
  input: IncomingFile & { id: string },
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.upload' });
  const put = await storeFile(ctx, facts.spaceId, input.stream);
  await ctx.db.transaction().execute(async (trx) => {
    await recordBlob(trx, { ...put, storage: ctx.blobs.kind, createdAt: ctx.clock.now().toISOString() });
    await ensureQuota(trx, facts.spaceId, put);
    await commitVersion(trx, ctx, { facts, documentId: doc.id, put, comment: input.comment ?? '' });
  });
  ctx.wakeJobs();
  return reloadSummary(ctx, facts, doc.id);
}

/**
 * A file sent from outside the space (a document request) becomes a new document in the caller's transaction: blob
 * recorded, quota checked, first free name among `nameFor(1)`, `nameFor(2)`… in the folder, first version. The
 * caller audits it, naming what brought the file in.
 */
export async function addReceivedDocument(
  trx: Trx,
  ctx: RequestContext,
  input: {
    spaceId: string;
    folderId: string | null;
    nameFor: (attempt: number) => string;
    description: string;
    comment: string;
    put: PutResult;
  },
): Promise<{ documentId: string; name: string; version: number }> {
  const { spaceId, folderId, put } = input;
  const nowIso = ctx.clock.now().toISOString();
  await recordBlob(trx, { ...put, storage: ctx.blobs.kind, createdAt: nowIso });
  await ensureQuota(trx, spaceId, put);
  let attempt = 1;
  while (await nameInUse(trx, { spaceId, parentId: folderId, nameKey: nameKey(input.nameFor(attempt)) })) attempt += 1;
  const name = input.nameFor(attempt);
  const documentId = newId();
  const mimeType = mimeTypeFromName(name);
  const { description } = input;
  await insertDocument(trx, {
    id: documentId,
    spaceId,
    folderId,
    name,
    nameKey: nameKey(name),
    mimeType,
    description,
    byId: null,
    nowIso,
  });
  const added = await appendVersion(trx, ctx, {
    documentId,
    spaceId,
    folderId,
    cause: 'upload',
    name,
    sha256: put.sha256,
    size: put.size,
    comment: input.comment,
  });
  return { documentId, name, version: added.number };
}
