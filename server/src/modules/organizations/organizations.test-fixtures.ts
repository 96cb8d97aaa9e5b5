import type { organizationsContract } from '@gatehouse/contracts';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimOrganization = async ({ organizationId }: FixtureVictim) => ({ id: organizationId });

/** Route inventory fixtures: the victim's organization. */
export const organizationsRouteFixtures: FixturesFor<(typeof organizationsContract)['routes']> = {
  getOrganization: victimOrganization,
  updateOrganization: victimOrganization,
  disableOrganization: victimOrganization,
  enableOrganization: victimOrganization,
};
