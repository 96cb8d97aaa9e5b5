import type { SpaceRole } from '@gatehouse/contracts';

/** What the policy needs to know about each kind of resource; loaders fill these from SQL. */

/**
 * The base of every resource that lives inside a space: the space's state and the actor's role in it (null when not
 * a live member). Rules on such resources decide with the role ladder of predicates.ts, or defer to the space's own
 * rules through `spaceOf`.
 */
export type InSpace = {
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
};

export type SpaceResource = { type: 'space'; id: string; status: 'active' | 'archived'; myRole: SpaceRole | null };

/**
 * What a space's capability provides (documents, folders, share links…): it also carries the capabilities turned on
 * in its space, since the policy makes it exist for nobody while its capability is off (see ResourcePolicy).
 */
type SpaceContent = InSpace & { capabilities: readonly string[] };

/** The space a resource lives in, as the space's rules see it. */
export function spaceOf(item: InSpace): SpaceResource {
  return { type: 'space', id: item.spaceId, status: item.spaceStatus, myRole: item.myRole };
}

export type OrganizationResource = {
  type: 'organization';
  id: string;
  isHost: boolean;
  /** The actor shares a space with someone of this organization (computed by the visibleOrganizations scope). */
  sharesSpace: boolean;
};
export type PersonResource = {
  type: 'person';
  id: string;
  organizationId: string;
  /** The person belongs to the host organization: only host people may hold administrator rights. */
  inHostOrganization: boolean;
  isAdmin: boolean;
  /** The actor shares a space with this person (computed by the visiblePeople scope). */
  sharesSpace: boolean;
};
/**
 * An organization a space manager wants to bring people from (by invitation or by adding an account): `takesPart`
 * when it already takes part in the space, as a member or through one of its people.
 */
export type SpaceOrganizationResource = InSpace & {
  type: 'space_organization';
  organizationId: string;
  isHost: boolean;
  takesPart: boolean;
};
/**
 * A folder of a space's documents, or the root of the space (`id` null). `trashed` is true when the folder is in the
 * trash (directly or because an ancestor was trashed).
 */
export type FolderResource = SpaceContent & { type: 'folder'; id: string | null; trashed: boolean };
/**
 * A document. `lockHolderId` is the person holding a live (unexpired) lock, null when unlocked: expired locks are
 * dropped by the loader so no rule ever sees them.
 */
export type DocumentResource = SpaceContent & {
  type: 'document';
  id: string;
  trashed: boolean;
  lockHolderId: string | null;
};
/** A share link as its space's members see it: its creator and the space's managers see and revoke it. */
export type ShareLinkResource = SpaceContent & { type: 'share_link'; id: string; createdBy: string };
/** A document request of a space: managed by the space's managers. */
export type DocumentRequestResource = SpaceContent & { type: 'document_request'; id: string };
/**
 * A share link or a document request link as its *holder* reaches it by token. `state` is `live` or why it no longer
 * serves (the creator's own rights are part of it: a link lives only while its creator could still create it). A
 * request answered in full is `complete`: its link still shows what was sent, and takes no more files.
 */
export type LinkResource = {
  type: 'link';
  kind: 'share' | 'request';
  id: string;
  state: 'live' | 'revoked' | 'expired' | 'exhausted' | 'closed' | 'complete';
  /** Steps the holder must still complete before any content (share links: password, verified e-mail). */
  locked: boolean;
};
/** A WebDAV lock, found among the locks of a path the actor may already reach. */
export type DavLockResource = { type: 'dav_lock'; token: string; holderId: string };
/** Rows that belong to one person and to nobody else, not even a superuser: "own row only". */
export type SessionResource = { type: 'session'; id: string; ownerId: string };
export type ApiTokenResource = { type: 'api_token'; id: string; ownerId: string };
export type NotificationResource = { type: 'notification'; id: string; ownerId: string };
/** Actions that are not about one existing resource (creating, browsing the audit trail). */
type GlobalResource = { type: 'global' };

export type Resource =
  | SpaceResource
  | OrganizationResource
  | PersonResource
  | SpaceOrganizationResource
  | FolderResource
  | DocumentResource
  | ShareLinkResource
  | DocumentRequestResource
  | LinkResource
  | DavLockResource
  | SessionResource
  | ApiTokenResource
  | NotificationResource
  | GlobalResource;
export const globalResource: GlobalResource = { type: 'global' };
