import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../core/events/events';

const id = z.string().min(1).max(100);

/** What the document library tells the rest of the server, after the change commits (see core/events). */
export const documentsEvents = defineEvents({
  /**
   * A version became current: a new document (version 1) or a new version of one. `cause` says how: an upload (by a
   * member, over WebDAV or through a document request), the restore of an older version, or a copy.
   */
  'document.version_added': z.object({
    documentId: id,
    spaceId: id,
    folderId: id.nullable(),
    versionId: id,
    versionNumber: z.number().int().positive(),
    cause: z.enum(['upload', 'restore', 'copy']),
  }),
  /** Renamed, moved, described or tagged: `changed` names the fields (`name`, `folder_id`, `description`, `tags`). */
  'document.updated': z.object({ documentId: id, spaceId: id, changed: z.array(z.string()) }),
  'document.trashed': z.object({ documentId: id, spaceId: id, folderId: id.nullable() }),
  'document.restored': z.object({ documentId: id, spaceId: id, folderId: id.nullable() }),
  'folder.created': z.object({ folderId: id, spaceId: id, parentId: id.nullable() }),
});

declare module '../../core/events/events' {
  interface DomainEvents extends PayloadsOf<typeof documentsEvents> {}
}
