import type { notificationsContract } from '@gatehouse/contracts';
import { createFolder } from '../../../test/factories';
import { newId } from '../../core/ids';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimFolder = async ({ deps, spaceId }: FixtureVictim) => ({
  id: (await createFolder(deps.db, { spaceId })).id,
});

/** Route inventory fixtures: a folder of the victim's space and a notice addressed to the victim. */
export const notificationsRouteFixtures: FixturesFor<(typeof notificationsContract)['routes']> = {
  getFolderFollow: victimFolder,
  followFolder: victimFolder,
  unfollowFolder: victimFolder,
  markNotificationRead: async ({ deps, personId }) => {
    const id = newId();
    await deps.db
      .insertInto('notifications')
      .values({
        id,
        user_id: personId,
        kind: 'folder.new_file',
        title: 'New file',
        body: '',
        link: '/',
        created_at: new Date().toISOString(),
        read_at: null,
      })
      .execute();
    return { id };
  },
};
