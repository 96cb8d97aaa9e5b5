import { addMember, createOrganization, createPerson } from '../factories';
import { globalAbility, type MatrixCase, nextName, row, spaceWithCast } from './cast';

/** Members see their space; owners and managers run it; only owners archive it; host staff create spaces. */
export const spacesMatrix: MatrixCase[] = [
  {
    action: 'space.read',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => (await c.get(`/api/v1/spaces/${(await spaceWithCast(w)).id}`)).status,
  },
  {
    action: 'space.read_members',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => (await c.get(`/api/v1/spaces/${(await spaceWithCast(w)).id}/members`)).status,
  },
  {
    action: 'space.update',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/spaces/${(await spaceWithCast(w)).id}`, { description: 'changed' })).status,
  },
  {
    action: 'space.manage_members',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const newcomer = await createPerson(w.server.deps.db, { organizationId: w.partnerOrgId });
      return (await c.post(`/api/v1/spaces/${space.id}/members`, { personId: newcomer.id, role: 'viewer' })).status;
    },
  },
  {
    action: 'space.invite',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const body = {
        email: `${nextName()}@partner.test`,
        name: 'New Comer',
        organizationId: w.partnerOrgId,
        role: 'viewer',
      };
      return (await c.post(`/api/v1/spaces/${space.id}/invitations`, body)).status;
    },
  },
  {
    action: 'space.archive',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => (await c.post(`/api/v1/spaces/${(await spaceWithCast(w)).id}/archive`)).status,
  },
  {
    action: 'space.create',
    expected: row({
      otherPartner: 403,
      sameOrgNoMembership: 403,
      partnerAdmin: 403,
      viewer: 403,
      contributor: 403,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c) => (await c.post('/api/v1/spaces', { name: nextName(), kind: 'project' })).status,
  },
  {
    action: 'admin.spaces',
    variant: 'the administration of every space, shown in the navigation',
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
    attempt: (c) => globalAbility(c, 'admin.spaces'),
  },
  {
    action: 'space.manage_capabilities',
    variant: 'turning the documents capability on (it already is)',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/spaces/${(await spaceWithCast(w)).id}`, { capabilities: ['documents'] })).status,
  },
  {
    action: 'space.manage_owners',
    variant: 'adding a person as an owner: owners hand over ownership, managers do not',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const newcomer = await createPerson(w.server.deps.db, { organizationId: w.partnerOrgId });
      return (await c.post(`/api/v1/spaces/${space.id}/members`, { personId: newcomer.id, role: 'owner' })).status;
    },
  },
  {
    action: 'space.bring_in_from',
    variant:
      'inviting someone of an organization the actor knows from another space but that takes no part in this one: host admins only',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      // Known from elsewhere, so the refusal is about this space (403), not an organization the actor cannot see (404).
      const elsewhere = await spaceWithCast(w);
      const known = await createOrganization(w.server.deps.db, { kind: 'contractor' });
      await addMember(w.server.deps.db, { spaceId: elsewhere.id, organizationId: known.id, role: 'viewer' });
      const space = await spaceWithCast(w);
      const body = { email: `${nextName()}@known.test`, name: 'Newcomer', organizationId: known.id, role: 'viewer' };
      return (await c.post(`/api/v1/spaces/${space.id}/invitations`, body)).status;
    },
  },
];
