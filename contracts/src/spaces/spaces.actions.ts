/** The `resource.verb` actions the central policy decides for the spaces module. */
export const spacesActions = [
  'space.read',
  'space.create',
  'space.update',
  'space.manage_capabilities',
  'space.archive',
  'space.read_members',
  'space.manage_members',
  'space.manage_owners',
  'space.bring_in_from',
  'space.invite',
  'admin.spaces',
] as const;
