import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { folderFollowRules, notificationRules } from '../../core/policy/rules/own-rows.rules';
import { deliverFolderActivity } from './notifications.jobs';
import { registerNotificationsRoutes } from './notifications.routes';
import { FOLDER_ACTIVITY_JOB, notificationsSubscribers } from './notifications.subscribers';
import type { FolderFollowsTable, NotificationsTable } from './notifications.tables';

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
  events: { subscribers: notificationsSubscribers },
  policy: modulePolicy<'notifications'>()({
    notification: { read: 'notification.read', rules: notificationRules },
    folder: { read: null, rules: folderFollowRules },
  }),
});
