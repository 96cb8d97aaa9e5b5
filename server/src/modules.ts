import { coreModule } from './core/core.module';
import type { ModuleManifest } from './core/module';
import { usePolicyOf } from './core/policy/policy';
import { auditModule } from './modules/audit/audit.module';
import { documentsModule } from './modules/documents/documents.module';
import { identityModule } from './modules/identity/identity.module';
import { notificationsModule } from './modules/notifications/notifications.module';
import { organizationsModule } from './modules/organizations/organizations.module';
import { peopleModule } from './modules/people/people.module';
import { requestsModule } from './modules/requests/requests.module';
import { searchModule } from './modules/search/search.module';
import { sharesModule } from './modules/shares/shares.module';
import { spacesModule } from './modules/spaces/spaces.module';
import { webdavModule } from './modules/webdav/webdav.module';

/**
 * Every capability of the server, one line each, in registration order. The database type, the migrations, the job
 * handlers, the policy and the routes are all derived from this list (see docs/architecture.md).
 */
export const modules = [
  coreModule,
  identityModule,
  organizationsModule,
  peopleModule,
  spacesModule,
  documentsModule,
  sharesModule,
  requestsModule,
  notificationsModule,
  searchModule,
  auditModule,
  webdavModule,
] as const satisfies readonly ModuleManifest<object>[];

export type Module = ModuleManifest<object>;

usePolicyOf(() => modules);
