import type { DocumentSummary, DocumentVersion, Folder } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { abilities } from '../../core/policy/policy';
import { documentResource, folderResource, type SpaceFacts } from './documents.access';
import { liveLockHolder, parseTags } from './documents.models';
import type { DocumentRow } from './documents.queries';
import type { FolderRow } from './folders/folders.queries';
import type { VersionRow } from './versions/versions.queries';

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toFolder(ctx: RequestContext, facts: SpaceFacts, row: FolderRow): Folder {
  return {
    id: row.id,
    spaceId: row.space_id,
    parentId: row.parent_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: person(row.created_by, row.created_by_name),
    trashedAt: row.trashed_at,
    abilities: abilities(ctx.actor, folderResource(facts, row)),
  };
}

export function toDocumentSummary(ctx: RequestContext, facts: SpaceFacts, row: DocumentRow): DocumentSummary {
  const holder = liveLockHolder(row, ctx.clock.now().toISOString());
  return {
    id: row.id,
    spaceId: row.space_id,
    folderId: row.folder_id,
    name: row.name,
    size: Number(row.size),
    mimeType: row.mime_type,
    version: Number(row.version),
    description: row.description,
    tags: parseTags(row.tags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: person(row.updated_by, row.updated_by_name),
    lock:
      holder && row.lock_expires_at
        ? {
            by: person(holder, row.lock_user_name),
            expiresAt: row.lock_expires_at,
            mine: ctx.actor.kind === 'user' && ctx.actor.id === holder,
          }
        : null,
    trashedAt: row.trashed_at,
    hasThumbnail: row.thumbnail_version_id !== null,
    abilities: abilities(ctx.actor, documentResource(ctx, facts, row)),
  };
}

export function toVersion(row: VersionRow, currentId: string | null): DocumentVersion {
  return {
    id: row.id,
    number: Number(row.number),
    size: Number(row.size),
    mimeType: row.mime_type,
    sha256: row.blob_sha256,
    author: person(row.author_id, row.author_name),
    comment: row.comment,
    createdAt: row.created_at,
    current: row.id === currentId,
  };
}
