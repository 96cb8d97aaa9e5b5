import type { ModuleContract } from '../route-contract';
import { organizationsActions } from './organizations.actions';
import { organizationsAuditActions } from './organizations.audit-actions';
import { organizationsErrors } from './organizations.errors';
import { organizationsRoutes } from './organizations.routes';

export * from './organizations.schemas';

export const organizationsContract = {
  name: 'organizations',
  routes: organizationsRoutes,
  actions: organizationsActions,
  errors: organizationsErrors,
  auditActions: organizationsAuditActions,
} as const satisfies ModuleContract;
