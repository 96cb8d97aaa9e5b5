import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { contributes, isActive, manages, owns, readsSpace } from '../predicates';
import { type DocumentResource, type FolderResource, type InSpace, spaceOf } from '../resources';
import { spaceRules } from './spaces.rules';

type DocumentsAction = ModuleAction<'documents'>;

/** Contributors and up change content; an archived space is frozen for everyone, host admins included. */
const edits = (actor: Actor, item: InSpace) => isActive(item) && contributes(actor, item);

/** A live lock held by someone else blocks every change but reading; the holder works as if unlocked. */
const lockedByOther = (actor: Actor, doc: DocumentResource) =>
  doc.lockHolderId !== null && !owns(actor, doc.lockHolderId);

/**
 * Folders (and the root of a space, id null): every member browses them; contributors and up create, rename, move,
 * trash and upload into them. Nothing is created inside a folder that is in the trash.
 */
export const folderRules = {
  'folder.read': (actor: Actor, folder: FolderResource) => spaceRules['space.read'](actor, spaceOf(folder)),
  'folder.create': (actor: Actor, folder: FolderResource) => edits(actor, folder) && !folder.trashed,
  'folder.update': (actor: Actor, folder: FolderResource) =>
    edits(actor, folder) && !folder.trashed && folder.id !== null,
  /** Trash and restore. */
  'folder.delete': (actor: Actor, folder: FolderResource) => edits(actor, folder) && folder.id !== null,
  'document.upload': (actor: Actor, folder: FolderResource) => edits(actor, folder) && !folder.trashed,
  /** Quota and version retention of the space: what the space's own settings need. */
  'document.manage_settings': (actor: Actor, folder: FolderResource) =>
    spaceRules['space.update'](actor, spaceOf(folder)),
} satisfies RuleTable<DocumentsAction, FolderResource>;

/**
 * Documents: viewers read and download; contributors upload versions, rename, move, trash and lock; managers and
 * owners also break other people's locks and read who consulted the document.
 */
export const documentRules = {
  'document.read': (actor: Actor, doc: DocumentResource) => readsSpace(actor, doc),
  /** A new version of this document. */
  'document.upload': (actor: Actor, doc: DocumentResource) =>
    edits(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  'document.update': (actor: Actor, doc: DocumentResource) =>
    edits(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  /** Trash and restore. */
  'document.delete': (actor: Actor, doc: DocumentResource) => edits(actor, doc) && !lockedByOther(actor, doc),
  'document.lock': (actor: Actor, doc: DocumentResource) =>
    edits(actor, doc) && !doc.trashed && !lockedByOther(actor, doc),
  'document.break_lock': (actor: Actor, doc: DocumentResource) => isActive(doc) && manages(actor, doc),
  'document.read_access_log': (actor: Actor, doc: DocumentResource) => manages(actor, doc),
} satisfies RuleTable<DocumentsAction, DocumentResource>;
