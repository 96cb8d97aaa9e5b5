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
/** Actions that are not about one existing resource (creating, browsing the audit trail). */
export type GlobalResource = { type: 'global' };

export type Resource = SpaceResource | OrganizationResource | PersonResource | GlobalResource;
export const globalResource: GlobalResource = { type: 'global' };
