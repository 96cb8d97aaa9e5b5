export type SpacesTable = {
  id: string;
  name: string;
  slug: string;
  kind: string;
  description: string;
  status: 'active' | 'archived';
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A member is either one person (user_id set) or a whole organization (user_id null, organization_id set). */
export type SpaceMembersTable = {
  id: string;
  space_id: string;
  user_id: string | null;
  organization_id: string | null;
  role: 'owner' | 'manager' | 'contributor' | 'viewer';
  expires_at: string | null;
  created_by: string | null;
  created_at: string;
};

/** One row per capability turned on in a space (`documents`…); the ids are those the modules' manifests provide. */
export type SpaceCapabilitiesTable = {
  space_id: string;
  capability: string;
};
