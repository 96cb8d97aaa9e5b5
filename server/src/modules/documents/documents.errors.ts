import { isUniqueViolation } from '../../core/db/dialect';
import { defineError } from '../../core/http/errors';

/** Live siblings never share a name (case-insensitive), whether file or folder: WebDAV and sync clients need it. */
export const nameTaken = defineError({
  code: 'documents.name_taken',
  status: 409,
  title: 'An item with this name already exists in this folder',
});

/** 423 Locked (RFC 4918): someone else checked the document out; WebDAV clients understand this status. */
export const documentLocked = defineError({
  code: 'documents.locked',
  status: 423,
  title: 'The document is locked by someone else',
});

export const invalidMove = defineError({
  code: 'documents.invalid_move',
  status: 409,
  title: 'A folder cannot be moved into itself or one of its subfolders',
});

export const inTrash = defineError({
  code: 'documents.in_trash',
  status: 409,
  title: 'This item is in the trash',
});

/** 507 like WebDAV's quota-not-exceeded precondition (RFC 4331), so sync clients stop retrying. */
export const quotaExceeded = defineError({
  code: 'documents.quota_exceeded',
  status: 507,
  title: 'The storage quota of this space would be exceeded',
});

export const storageFull = defineError({
  code: 'documents.storage_full',
  status: 507,
  title: 'The file store is full',
});

export const fileTooLarge = defineError({
  code: 'documents.file_too_large',
  status: 413,
  title: 'The file is larger than the server accepts',
});

export const fileRequired = defineError({
  code: 'documents.file_required',
  status: 400,
  title: 'Send the file as a multipart/form-data part named "file"',
});

export const rangeNotSatisfiable = defineError({
  code: 'documents.range_not_satisfiable',
  status: 416,
  title: 'The requested range is outside the file',
});

/** Runs a change guarded by the live-name unique indexes: a concurrent twin that won the race becomes a 409. */
export async function withUniqueNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
