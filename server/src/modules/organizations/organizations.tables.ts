export type OrganizationsTable = {
  id: string;
  name: string;
  /** Lower-cased name: organization names are unique regardless of case. */
  name_key: string;
  kind: string;
  is_host: number;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
};
