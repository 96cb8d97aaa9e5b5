import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentSummary, Id, NodeName } from '@gatehouse/contracts';
import { FileStore } from '@tus/file-store';
import { Metadata, type Upload } from '@tus/server';
import { z } from 'zod';
import { actorId } from '../../../core/auth/actor';
import type { Deps, RequestContext } from '../../../core/context';
import { AppError, errors } from '../../../core/http/errors';
import { authorizeDocument, authorizeFolder } from '../documents.access';
import { fileTooLarge, nameTaken, quotaExceeded } from '../documents.errors';
import { nameKey } from '../documents.models';
import { findLiveDocumentByName, getDocumentSettings, spaceUsageBytes } from '../documents.queries';
import { nameInUse } from '../folders/folders.queries';
import { uploadDocument } from '../uploads/uploads.service';

/** Partial uploads older than this are deleted, finished or not (tus `expiration`, counted from creation). */
const PARTIAL_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Where an upload goes once complete, fixed at creation and kept in the tus metadata beside the partial file. */
export type UploadTarget = {
  spaceId: string;
  folderId: string | null;
  fileName: string;
  comment: string;
};

const ClientMetadata = z.object({
  filename: NodeName,
  folderId: z.union([Id, z.literal('')]).optional(),
  comment: z.string().max(1000).optional(),
});

/** Partial files live outside the blob store, in DATA_DIR/tus: they are never documents until finished. */
export function createPartialStore(deps: Pick<Deps, 'config'>): FileStore {
  const directory = join(deps.config.dataDir, 'tus');
  // FileStore creates its directory asynchronously, too late for a clean-up run at start.
  mkdirSync(directory, { recursive: true });
  const store = new FileStore({ directory, expirationPeriodInMilliseconds: PARTIAL_UPLOAD_LIFETIME_MS });
  return store;
}

/**
 * FileStore's constructor also creates its directory asynchronously and *throws from the callback* on failure — an
 * uncaught exception that would take the whole server down (and races test teardown). The directory is created
 * synchronously above, so that asynchronous step is replaced by a no-op.
 */
// biome-ignore lint/suspicious/noExplicitAny: reaching a private method of the library on purpose, see above.
(FileStore.prototype as any).checkOrCreateDirectory = () => {};

/** Deletes partial uploads created more than PARTIAL_UPLOAD_LIFETIME_MS ago; returns how many. */
export function expirePartialUploads(store: FileStore): Promise<number> {
  return store.deleteExpired();
}

function invalid(path: string, message: string): AppError {
  return new AppError('http.validation_failed', 400, 'Invalid request', 'Some tus headers are invalid.', {}, [
    { path, message },
  ]);
}

function parseTarget(spaceId: string, header: string | undefined): UploadTarget {
  let raw: Record<string, string | null>;
  try {
    raw = Metadata.parse(header);
  } catch {
    throw invalid('headers.upload-metadata', 'Upload-Metadata is not valid tus metadata.');
  }
  const parsed = ClientMetadata.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`headers.upload-metadata.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
  }
  const { filename, folderId, comment } = parsed.data;
  return { spaceId, folderId: folderId || null, fileName: filename, comment: comment ?? '' };
}

function parseLength(headers: Record<string, string | string[] | undefined>): number {
  // Deferred lengths would let the bytes arrive before the size and quota checks: refused.
  if (headers['upload-defer-length'] !== undefined) {
    throw invalid('headers.upload-defer-length', 'Declare Upload-Length when creating the upload.');
  }
  const value = headers['upload-length'];
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) {
    throw invalid('headers.upload-length', 'Upload-Length is required: the size of the file in bytes.');
  }
  return Number(value);
}

/**
 * Everything the commit would refuse, refused before the first byte: 404/403 on the space or folder, a name held by a
 * folder or a locked document (409/423), a file over MAX_UPLOAD_BYTES (413) or over the space's quota left (507).
 * The quota is checked again, authoritatively, when the finished file is committed.
 */
export async function authorizeCreation(
  ctx: RequestContext,
  input: { spaceId: string; headers: Record<string, string | string[] | undefined> },
): Promise<UploadTarget> {
  // Roles are space-wide: who may not upload at the root may not upload anywhere in the space.
  await authorizeFolder(ctx, { spaceId: input.spaceId, folderId: null, action: 'document.upload' });
  const metadata = input.headers['upload-metadata'];
  const target = parseTarget(input.spaceId, typeof metadata === 'string' ? metadata : undefined);
  const length = parseLength(input.headers);
  if (target.folderId) {
    await authorizeFolder(ctx, { spaceId: target.spaceId, folderId: target.folderId, action: 'document.upload' });
  }

  const where = { spaceId: target.spaceId, folderId: target.folderId, nameKey: nameKey(target.fileName) };
  const existing = await findLiveDocumentByName(ctx.db, where);
  if (existing) await authorizeDocument(ctx, { id: existing.id, action: 'document.upload' });
  else if (await nameInUse(ctx.db, { ...where, parentId: target.folderId })) throw nameTaken();

  if (length > ctx.config.MAX_UPLOAD_BYTES) {
    throw fileTooLarge(`The largest file accepted is ${ctx.config.MAX_UPLOAD_BYTES} bytes.`);
  }
  const settings = await getDocumentSettings(ctx.db, target.spaceId);
  if (settings?.quota_bytes != null) {
    const left = Math.max(0, Number(settings.quota_bytes) - (await spaceUsageBytes(ctx.db, target.spaceId)));
    if (length > left) throw quotaExceeded(`This space has ${left} bytes left.`);
  }
  return target;
}

/** The tus metadata stored with a partial upload: the client's fields plus who may continue it, and where it goes. */
export function uploadMetadata(ctx: RequestContext, target: UploadTarget): Record<string, string> {
  return {
    filename: target.fileName,
    folderId: target.folderId ?? '',
    comment: target.comment,
    spaceId: target.spaceId,
    ownerId: actorId(ctx.actor) ?? '',
  };
}

function targetOf(upload: Upload): UploadTarget {
  const metadata = upload.metadata ?? {};
  return {
    spaceId: metadata.spaceId ?? '',
    folderId: metadata.folderId || null,
    fileName: metadata.filename ?? '',
    comment: metadata.comment ?? '',
  };
}

/**
 * Loads a partial upload the actor created; anyone else's (or a missing one) is a 404, like every resource the actor
 * cannot see. With `write`, the actor must still be allowed to upload into the target space and folder.
 */
export async function authorizeOwnUpload(
  ctx: RequestContext,
  input: { store: FileStore; uploadId: string; write: boolean },
): Promise<Upload> {
  const owner = actorId(ctx.actor);
  const upload = await input.store.getUpload(input.uploadId).catch(() => null);
  if (!upload || !owner || upload.metadata?.ownerId !== owner) throw errors.notFound();
  if (input.write) {
    const target = targetOf(upload);
    await authorizeFolder(ctx, { spaceId: target.spaceId, folderId: target.folderId, action: 'document.upload' });
  }
  return upload;
}

/**
 * Commits a finished upload exactly like a multipart one (versioning, locks, quota, audit, indexing): the partial
 * file is streamed into the blob store by `uploadDocument`.
 */
export async function commitFinishedUpload(
  ctx: RequestContext,
  input: { store: FileStore; upload: Upload },
): Promise<{ document: DocumentSummary; created: boolean }> {
  const target = targetOf(input.upload);
  return uploadDocument(ctx, {
    spaceId: target.spaceId,
    folderId: target.folderId,
    fileName: target.fileName,
    comment: target.comment,
    stream: input.store.read(input.upload.id),
  });
}
