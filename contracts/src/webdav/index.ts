import type { ModuleContract } from '../route-contract';
import { webdavActions } from './webdav.actions';
import { webdavAuditActions } from './webdav.audit-actions';
import { webdavErrors } from './webdav.errors';

/** WebDAV speaks its own protocol outside the JSON API: it declares no route contract, only what it audits. */
export const webdavContract = {
  name: 'webdav',
  routes: {},
  actions: webdavActions,
  errors: webdavErrors,
  auditActions: webdavAuditActions,
} as const satisfies ModuleContract;
