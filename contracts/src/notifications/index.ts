import type { ModuleContract } from '../route-contract';
import { notificationsActions } from './notifications.actions';
import { notificationsAuditActions } from './notifications.audit-actions';
import { notificationsErrors } from './notifications.errors';
import { notificationsRoutes } from './notifications.routes';

export * from './notifications.schemas';

export const notificationsContract = {
  name: 'notifications',
  routes: notificationsRoutes,
  actions: notificationsActions,
  errors: notificationsErrors,
  auditActions: notificationsAuditActions,
} as const satisfies ModuleContract;
