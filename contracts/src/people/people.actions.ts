/** The `resource.verb` actions the central policy decides for the people module. */
export const peopleActions = [
  'person.read',
  'person.invite',
  'person.update',
  'person.disable',
  'person.grant_admin',
  'admin.people',
] as const;
