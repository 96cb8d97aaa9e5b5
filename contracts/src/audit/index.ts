import type { ModuleContract } from '../route-contract';
import { auditActions } from './audit.actions';
import { auditAuditActions } from './audit.audit-actions';
import { auditErrors } from './audit.errors';
import { auditRoutes } from './audit.routes';

export * from './audit.schemas';

export const auditContract = {
  name: 'audit',
  routes: auditRoutes,
  actions: auditActions,
  errors: auditErrors,
  auditActions: auditAuditActions,
} as const satisfies ModuleContract;
