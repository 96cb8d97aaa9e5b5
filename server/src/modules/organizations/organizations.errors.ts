import { defineError } from '../../core/http/errors';

export const organizationNameTaken = defineError({
  code: 'organizations.name_taken',
  status: 409,
  title: 'An organization with this name already exists',
});

/** The host organization runs the extranet: disabling it or making it a partner would lock everyone out. */
export const hostOrganizationImmutable = defineError({
  code: 'organizations.host_immutable',
  status: 403,
  title: 'The host organization cannot be changed this way',
});
