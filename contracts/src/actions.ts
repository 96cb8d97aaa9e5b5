/** Every action the central policy decides, named `resource.verb`. */
export const actions = [
  'organization.read',
  'organization.create',
  'organization.update',
  'organization.disable',
  'organization.list_people',
  'person.read',
  'person.invite',
  'person.update',
  'person.disable',
  'space.read',
  'space.create',
  'space.update',
  'space.archive',
  'space.read_members',
  'space.manage_members',
  'space.invite',
  'audit.read',
  'admin.organizations',
  'admin.people',
  'admin.spaces',
  'admin.audit',
] as const;

export type Action = (typeof actions)[number];
