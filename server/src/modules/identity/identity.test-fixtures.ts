import type { identityContract } from '@gatehouse/contracts';
import { hashToken, newId } from '../../core/ids';
import type { FixturesFor } from '../../core/route-fixtures';

/** Route inventory fixtures: the victim's own session and API token. */
export const identityRouteFixtures: FixturesFor<(typeof identityContract)['routes']> = {
  endSession: async ({ deps, personId }) => {
    const session = await deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', personId)
      .executeTakeFirstOrThrow();
    return { id: session.id };
  },
  revokeToken: async ({ deps, personId }) => {
    const id = newId();
    await deps.db
      .insertInto('api_tokens')
      .values({
        id,
        user_id: personId,
        name: 'victim token',
        prefix: 'gh_x',
        token_hash: hashToken(`gh_${id}`),
        created_at: new Date().toISOString(),
        expires_at: null,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { id };
  },
};
