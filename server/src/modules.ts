import type { FastifyInstance } from 'fastify';
import type { Deps } from './core/context';
import type { JobHandlers } from './core/jobs/jobs';
import { auditModule } from './modules/audit/audit.routes';
import { documentsModule } from './modules/documents/documents.routes';
import { resumableUploadsModule } from './modules/documents/tus/tus.routes';
import { identityModule } from './modules/identity/identity.routes';
import { organizationsModule } from './modules/organizations/organizations.routes';
import { peopleModule } from './modules/people/people.routes';
import { requestsModule } from './modules/requests/requests.routes';
import { searchModule } from './modules/search/search.routes';
import { notificationsModule } from './modules/shares/notifications/notifications.routes';
import { sharesModule } from './modules/shares/shares.routes';
import { spacesModule } from './modules/spaces/spaces.routes';
import { webdavModule } from './modules/webdav/webdav.routes';

export type Module = {
  name: string;
  register: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  jobs?: JobHandlers;
};

/** Every capability of the server, one line each, in registration order. */
export const modules: Module[] = [
  identityModule,
  organizationsModule,
  peopleModule,
  spacesModule,
  documentsModule,
  resumableUploadsModule,
  sharesModule,
  requestsModule,
  notificationsModule,
  searchModule,
  auditModule,
  webdavModule,
];
