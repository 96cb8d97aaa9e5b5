import type { spacesContract } from '@gatehouse/contracts';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimSpace = async ({ spaceId }: FixtureVictim) => ({ id: spaceId });
const victimMembership = async ({ deps, spaceId, personId }: FixtureVictim) => {
  const member = await deps.db
    .selectFrom('space_members')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('user_id', '=', personId)
    .executeTakeFirstOrThrow();
  return { id: spaceId, memberId: member.id };
};

/** Route inventory fixtures: the victim's space and their membership of it. */
export const spacesRouteFixtures: FixturesFor<(typeof spacesContract)['routes']> = {
  getSpace: victimSpace,
  updateSpace: victimSpace,
  archiveSpace: victimSpace,
  listMembers: victimSpace,
  addMember: victimSpace,
  updateMember: victimMembership,
  removeMember: victimMembership,
  inviteToSpace: victimSpace,
};
