import type { requestsContract } from '@gatehouse/contracts';
import { createDocumentRequest } from '../../../test/factories';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimSpace = async ({ spaceId }: FixtureVictim) => ({ id: spaceId });
const victimRequest = async ({ deps, spaceId, personId }: FixtureVictim) =>
  createDocumentRequest(deps.db, { spaceId, createdBy: personId });

/** Route inventory fixtures: the victim's space and a document request of theirs with one received item. */
export const requestsRouteFixtures: FixturesFor<(typeof requestsContract)['routes']> = {
  createDocumentRequest: victimSpace,
  listDocumentRequests: victimSpace,
  getDocumentRequest: async (victim) => ({ id: (await victimRequest(victim)).id }),
  cancelDocumentRequest: async (victim) => ({ id: (await victimRequest(victim)).id }),
  reviewRequestItem: async (victim) => ({ id: (await victimRequest(victim)).itemId }),
};
