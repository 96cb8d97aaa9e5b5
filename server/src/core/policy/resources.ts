import type { SpaceRole } from '@gatehouse/contracts';

/** What the policy needs to know about each kind of resource; loaders fill these from SQL. */
export type SpaceResource = { type: 'space'; id: string; status: 'active' | 'archived'; myRole: SpaceRole | null };
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
  isAdmin: boolean;
  /** The actor shares a space with this person (computed by the visiblePeople scope). */
  sharesSpace: boolean;
};
/**
 * A folder of a space's documents, or the root of the space (`id` null). `trashed` is true when the folder is in the
 * trash (directly or because an ancestor was trashed).
 */
export type FolderResource = {
  type: 'folder';
  id: string | null;
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
  /** The capabilities turned on in its space: without its own, the resource exists for nobody. */
  capabilities: readonly string[];
  trashed: boolean;
};
/**
 * A document. `lockHolderId` is the person holding a live (unexpired) lock, null when unlocked: expired locks are
 * dropped by the loader so no rule ever sees them.
 */
export type DocumentResource = {
  type: 'document';
  id: string;
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
  /** The capabilities turned on in its space: without its own, the resource exists for nobody. */
  capabilities: readonly string[];
  trashed: boolean;
  lockHolderId: string | null;
};
/** A share link: its creator and the space's managers see and revoke it. `myRole` is the actor's role in its space. */
export type ShareLinkResource = {
  type: 'share_link';
  id: string;
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
  /** The capabilities turned on in its space: without its own, the resource exists for nobody. */
  capabilities: readonly string[];
  createdBy: string;
};
/** A document request of a space: managed by the space's managers. */
export type DocumentRequestResource = {
  type: 'document_request';
  id: string;
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
  /** The capabilities turned on in its space: without its own, the resource exists for nobody. */
  capabilities: readonly string[];
};
/** Actions that are not about one existing resource (creating, browsing the audit trail). */
export type GlobalResource = { type: 'global' };

export type Resource =
  | SpaceResource
  | OrganizationResource
  | PersonResource
  | FolderResource
  | DocumentResource
  | ShareLinkResource
  | DocumentRequestResource
  | GlobalResource;
export const globalResource: GlobalResource = { type: 'global' };
