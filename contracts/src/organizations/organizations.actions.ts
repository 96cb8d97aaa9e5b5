/** The `resource.verb` actions the central policy decides for the organizations module. */
export const organizationsActions = [
  'organization.read',
  'organization.create',
  'organization.update',
  'organization.disable',
  'organization.list_people',
  'admin.organizations',
] as const;
