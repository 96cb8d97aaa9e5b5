import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';
import type { DocumentResource, FolderResource } from '../resources';

type InSpace = { spaceStatus: 'active' | 'archived'; myRole: FolderResource['myRole'] };

const isMember = (actor: Actor, item: InSpace) => isSuperuser(actor) || item.myRole !== null;
/** Contributors and up change content; an archived space is frozen for everyone, host admins included. */
const canEdit = (actor: Actor, item: InSpace) =>
  item.spaceStatus === 'active' &&
  (isSuperuser(actor) || item.myRole === 'contributor' || item.myRole === 'manager' || item.myRole === 'owner');
const canManage = (actor: Actor, item: InSpace) =>
  isSuperuser(actor) || item.myRole === 'manager' || item.myRole === 'owner';

/** A live lock held by someone else blocks every change but reading; the holder works as if unlocked. */
const lockedByOther = (actor: Actor, doc: DocumentResource) =>
  doc.lockHolderId !== null && !(actor.kind === 'user' && actor.id === doc.lockHolderId);

/**
 * Folders (and the root of a space, id null): every member browses them; contributors and up create, rename, move,
 * trash and upload into them. Nothing is created inside a folder that is in the trash.
 */
export const folderRules = {
  'folder.read': (actor: Actor, folder: FolderResource) => isMember(actor, folder),
  'folder.create': (actor: Actor, folder: FolderResource) => canEdit(actor, folder) && !folder.trashed,
  'folder.update': (actor: Actor, folder: FolderResource) =>
    canEdit(actor, folder) && !folder.trashed && folder.id !== null,
  /** Trash and restore. */
  'folder.delete': (actor: Actor, folder: FolderResource) => canEdit(actor, folder) && folder.id !== null,
  'document.upload': (actor: Actor, folder: FolderResource) => canEdit(actor, folder) && !folder.trashed,
  /** Quota and version retention of the space. */
  'document.manage_settings': (actor: Actor, folder: FolderResource) =>
    folder.spaceStatus === 'active' && canManage(actor, folder),
} as const;

/**
 * Documents: viewers read and download; contributors upload versions, rename, move, trash and lock; managers and
 * owners also break other people's locks and read who consulted the document.
 */
export const documentRules = {
  'document.read': (actor: Actor, doc: DocumentResource) => isMember(actor, doc),
  /** A new version of this document. */
  'document.upload': (actor: Actor, doc: DocumentResource) =>
    canEdit(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  'document.update': (actor: Actor, doc: DocumentResource) =>
    canEdit(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  /** Trash and restore. */
  'document.delete': (actor: Actor, doc: DocumentResource) => canEdit(actor, doc) && !lockedByOther(actor, doc),
  'document.lock': (actor: Actor, doc: DocumentResource) =>
    canEdit(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  'document.break_lock': (actor: Actor, doc: DocumentResource) => doc.spaceStatus === 'active' && canManage(actor, doc),
  'document.read_access_log': (actor: Actor, doc: DocumentResource) => canManage(actor, doc),
} as const;
