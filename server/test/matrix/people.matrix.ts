import { addMember, createPerson, hostOrganization } from '../factories';
import { globalAbility, type MatrixCase, nextName, row, spaceWithCast, type World } from './cast';

/** A person of the partner organization who is a member of the attempt's space (so the host's members see them). */
async function partnerMember(w: World) {
  const space = await spaceWithCast(w);
  const target = await createPerson(w.server.deps.db, { organizationId: w.partnerOrgId });
  await addMember(w.server.deps.db, { spaceId: space.id, userId: target.id, role: 'viewer' });
  return target;
}

/** Host admins administer everyone; partner admins manage their own organization's people. */
export const peopleMatrix: MatrixCase[] = [
  {
    action: 'person.read',
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
    attempt: async (c, _, w) => (await c.get(`/api/v1/people/${(await partnerMember(w)).id}`)).status,
  },
  {
    action: 'person.update',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 403,
      partnerAdmin: 200,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/people/${(await partnerMember(w)).id}`, { name: 'Renamed' })).status,
  },
  {
    action: 'person.disable',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 403,
      partnerAdmin: 200,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => (await c.post(`/api/v1/people/${(await partnerMember(w)).id}/disable`)).status,
  },
  {
    action: 'person.invite',
    variant: 'into the partner organization',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 403,
      partnerAdmin: 201,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      await spaceWithCast(w);
      const body = { email: `${nextName()}@partner.test`, name: 'Invitee', organizationId: w.partnerOrgId };
      return (await c.post('/api/v1/people', body)).status;
    },
  },
  {
    action: 'admin.people',
    variant: 'the people administration, shown in the navigation',
    expected: row({
      otherPartner: 'hidden',
      sameOrgNoMembership: 'hidden',
      partnerAdmin: 'shown',
      viewer: 'hidden',
      contributor: 'hidden',
      manager: 'hidden',
      owner: 'hidden',
      hostAdmin: 'shown',
    }),
    attempt: (c) => globalAbility(c, 'admin.people'),
  },
  {
    action: 'person.grant_admin',
    variant: 'making a host colleague who is a member of the space a host admin',
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
      const host = await hostOrganization(w.server.deps.db);
      const colleague = await createPerson(w.server.deps.db, { organizationId: host.id });
      await addMember(w.server.deps.db, { spaceId: space.id, userId: colleague.id, role: 'viewer' });
      return (await c.patch(`/api/v1/people/${colleague.id}`, { isAdmin: true })).status;
    },
  },
];
