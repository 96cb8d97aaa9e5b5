import type { peopleContract } from '@gatehouse/contracts';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimPerson = async ({ personId }: FixtureVictim) => ({ id: personId });

/** Route inventory fixtures: the victim themself. */
export const peopleRouteFixtures: FixturesFor<(typeof peopleContract)['routes']> = {
  getPerson: victimPerson,
  updatePerson: victimPerson,
  disablePerson: victimPerson,
  enablePerson: victimPerson,
  resendInvitation: victimPerson,
};
