import type { SpaceRole } from '@gatehouse/contracts';
import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';
import type { DocumentRequestResource, DocumentResource, FolderResource, ShareLinkResource } from '../resources';

type InSpace = { spaceStatus: 'active' | 'archived'; myRole: SpaceRole | null };

/** Contributors and up hand files to outsiders (they may upload them anyway); viewers only read. */
const mayShare = (actor: Actor, item: InSpace) =>
  isSuperuser(actor) || item.myRole === 'contributor' || item.myRole === 'manager' || item.myRole === 'owner';
const manages = (actor: Actor, item: InSpace) =>
  isSuperuser(actor) || item.myRole === 'manager' || item.myRole === 'owner';

/**
 * Share links on a folder. `share.serve` is asked of the link's *creator* on every visit: a link lives only as
 * long as its creator could still create it (active account and organization, live membership as contributor or up),
 * except that an archived space keeps serving — archiving freezes changes, not reading. The root of a space is not
 * shared as a whole.
 */
export const folderShareRules = {
  'share.create': (actor: Actor, folder: FolderResource) =>
    folder.id !== null && folder.spaceStatus === 'active' && !folder.trashed && mayShare(actor, folder),
  'share.serve': (actor: Actor, folder: FolderResource) =>
    folder.id !== null && !folder.trashed && mayShare(actor, folder),
  /** See and revoke every share link of the space, and read their access logs. */
  'share.manage': (actor: Actor, folder: FolderResource) => manages(actor, folder),
  /** See the document requests of the space (on its root): managers only, archived spaces included. */
  'request.read': (actor: Actor, folder: FolderResource) => manages(actor, folder),
  /** Document requests deliver into this folder (or the root): managers only. */
  'request.create': (actor: Actor, folder: FolderResource) =>
    folder.spaceStatus === 'active' && !folder.trashed && manages(actor, folder),
  /** Every member may follow a folder they read; the notices stop the day they no longer read the space. */
  'folder.follow': (actor: Actor, folder: FolderResource) =>
    actor.kind === 'user' && folder.id !== null && !folder.trashed,
} as const;

/** Share links on one file: the same rules as on a folder. */
export const documentShareRules = {
  'share.create': (actor: Actor, doc: DocumentResource) =>
    doc.spaceStatus === 'active' && !doc.trashed && mayShare(actor, doc),
  'share.serve': (actor: Actor, doc: DocumentResource) => !doc.trashed && mayShare(actor, doc),
} as const;

const ownLink = (actor: Actor, link: ShareLinkResource) =>
  actor.kind === 'user' && actor.id === link.createdBy && link.myRole !== null;

/** A link is seen (with its access log) and revoked by its creator while a member, and by the space's managers. */
export const shareLinkRules = {
  'share.read': (actor: Actor, link: ShareLinkResource) => manages(actor, link) || ownLink(actor, link),
  /** Revoking only reduces access: allowed in an archived space too. */
  'share.revoke': (actor: Actor, link: ShareLinkResource) => manages(actor, link) || ownLink(actor, link),
} as const;

/** Document requests are run by the space's managers. */
export const documentRequestRules = {
  'request.read': (actor: Actor, request: DocumentRequestResource) => manages(actor, request),
  'request.review': (actor: Actor, request: DocumentRequestResource) =>
    request.spaceStatus === 'active' && manages(actor, request),
  'request.cancel': (actor: Actor, request: DocumentRequestResource) => manages(actor, request),
} as const;
