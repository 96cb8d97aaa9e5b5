import { defineModule } from '../../../core/module';
import type { FolderFollowsTable, NotificationsTable } from '../shares.tables';
import { deliverFolderActivity } from './notifications.jobs';
import { registerNotificationsRoutes } from './notifications.routes';
import { FOLDER_ACTIVITY_JOB } from './notify';

/** Folder follows and the in-app notices (and e-mails) they bring. */
export const notificationsModule = defineModule<{
  folder_follows: FolderFollowsTable;
  notifications: NotificationsTable;
}>({
  name: 'notifications',
  tables: { folder_follows: true, notifications: true },
  routes: registerNotificationsRoutes,
  fixtures: () => import('./notifications.test-fixtures').then((fixtures) => fixtures.notificationsRouteFixtures),
  jobs: { [FOLDER_ACTIVITY_JOB]: deliverFolderActivity },
});
