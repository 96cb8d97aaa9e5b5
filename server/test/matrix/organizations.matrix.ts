import { addMember, createOrganization } from '../factories';
import { globalAbility, type MatrixCase, nextName, row, spaceWithCast } from './cast';

/**
 * Host admins run organizations; people see their own organization and those they share a space with (the partner
 * organization shares each attempt's space with the host's manager and owner).
 */
export const organizationsMatrix: MatrixCase[] = [
  {
    action: 'organization.read',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 200,
      partnerAdmin: 200,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => {
      await spaceWithCast(w);
      return (await c.get(`/api/v1/organizations/${w.partnerOrgId}`)).status;
    },
  },
  {
    action: 'organization.update',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 403,
      partnerAdmin: 403,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => {
      await spaceWithCast(w);
      return (await c.patch(`/api/v1/organizations/${w.partnerOrgId}`, { kind: 'supplier' })).status;
    },
  },
  {
    action: 'organization.disable',
    variant: 'an organization that is a member of the space as a whole',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const org = await createOrganization(w.server.deps.db, { kind: 'contractor' });
      await addMember(w.server.deps.db, { spaceId: space.id, organizationId: org.id, role: 'viewer' });
      return (await c.post(`/api/v1/organizations/${org.id}/disable`)).status;
    },
  },
  {
    action: 'organization.create',
    expected: row({
      otherPartner: 403,
      sameOrgNoMembership: 403,
      partnerAdmin: 403,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 201,
    }),
    attempt: async (c) => (await c.post('/api/v1/organizations', { name: nextName(), kind: 'customer' })).status,
  },
  {
    action: 'organization.list_people',
    variant: 'the people of the partner organization',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 200,
      partnerAdmin: 200,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => {
      await spaceWithCast(w);
      return (await c.get(`/api/v1/people?organizationId=${w.partnerOrgId}`)).status;
    },
  },
  {
    action: 'admin.organizations',
    variant: 'the administration of organizations, shown in the navigation',
    expected: row({
      otherPartner: 'hidden',
      sameOrgNoMembership: 'hidden',
      partnerAdmin: 'hidden',
      viewer: 'hidden',
      contributor: 'hidden',
      manager: 'hidden',
      owner: 'hidden',
      hostAdmin: 'shown',
    }),
    attempt: (c) => globalAbility(c, 'admin.organizations'),
  },
];
