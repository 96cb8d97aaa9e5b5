import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { davLockRules } from '../../core/policy/rules/own-rows.rules';
import { webdavSettings } from './webdav.config';
import { registerWebdavRoutes } from './webdav.routes';
import type { WebdavLocksTable, WebdavPropertiesTable } from './webdav.tables';

/** Every space as a network drive (WebDAV classes 1 and 2) over the documents module's services. */
export const webdavModule = defineModule<{ webdav_properties: WebdavPropertiesTable; webdav_locks: WebdavLocksTable }>({
  name: 'webdav',
  config: { settings: webdavSettings },
  tables: { webdav_properties: true, webdav_locks: true },
  routes: registerWebdavRoutes,
  policy: modulePolicy<'webdav'>()({ dav_lock: { read: 'dav_lock.read', rules: davLockRules } }),
});
