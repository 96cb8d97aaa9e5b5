import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { contributes, holdsLink, isActive, manages, owns } from '../predicates';
import type { DocumentResource, FolderResource, LinkResource, ShareLinkResource } from '../resources';

type SharesAction = ModuleAction<'shares'>;

/**
 * Share links on a folder. Contributors and up hand files to outsiders (they may upload them anyway); viewers only
 * read. `share.serve` is asked of the link's *creator* on every visit: a link lives only as long as its creator could
 * still create it (active account and organization, live membership as contributor or up), except that an archived
 * space keeps serving — archiving freezes changes, not reading. The root of a space is not shared as a whole.
 */
export const folderShareRules = {
  'share.create': (actor: Actor, folder: FolderResource) =>
    folder.id !== null && isActive(folder) && !folder.trashed && contributes(actor, folder),
  'share.serve': (actor: Actor, folder: FolderResource) =>
    folder.id !== null && !folder.trashed && contributes(actor, folder),
  /** See and revoke every share link of the space, and read their access logs. */
  'share.manage': (actor: Actor, folder: FolderResource) => manages(actor, folder),
} satisfies RuleTable<SharesAction, FolderResource>;

/** Share links on one file: the same rules as on a folder. */
export const documentShareRules = {
  'share.create': (actor: Actor, doc: DocumentResource) => isActive(doc) && !doc.trashed && contributes(actor, doc),
  'share.serve': (actor: Actor, doc: DocumentResource) => !doc.trashed && contributes(actor, doc),
} satisfies RuleTable<SharesAction, DocumentResource>;

/** The creator, while still a member of the space. */
const ownLink = (actor: Actor, link: ShareLinkResource) => owns(actor, link.createdBy) && link.myRole !== null;

/** A link is seen (with its access log) and revoked by its creator while a member, and by the space's managers. */
export const shareLinkRules = {
  'share.read': (actor: Actor, link: ShareLinkResource) => manages(actor, link) || ownLink(actor, link),
  /** Revoking only reduces access: allowed in an archived space too. */
  'share.revoke': (actor: Actor, link: ShareLinkResource) => manages(actor, link) || ownLink(actor, link),
} satisfies RuleTable<SharesAction, ShareLinkResource>;

/**
 * What the holder of a link may do with it, and nothing with any other link. Opening shows what the link still asks
 * for (password, e-mail code), as long as it serves; content (listing, download, zip) needs every step done. Members
 * reach the same files through their spaces, never through a token.
 */
export const linkRules = {
  'link.open': (actor: Actor, link: LinkResource) =>
    holdsLink(actor, link) && (link.state === 'live' || link.state === 'complete'),
  /** The password and e-mail code steps of a share link. */
  'link.unlock': (actor: Actor, link: LinkResource) =>
    holdsLink(actor, link) && link.kind === 'share' && link.state === 'live',
  /** Browse and download, within the link's limits (expiry, download count, its creator's current rights). */
  'link.download': (actor: Actor, link: LinkResource) =>
    holdsLink(actor, link) && link.kind === 'share' && link.state === 'live' && !link.locked,
} satisfies RuleTable<SharesAction, LinkResource>;
