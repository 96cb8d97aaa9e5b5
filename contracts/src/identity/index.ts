import type { ModuleContract } from '../route-contract';
import { identityActions } from './identity.actions';
import { identityAuditActions } from './identity.audit-actions';
import { identityErrors } from './identity.errors';
import { identityRoutes } from './identity.routes';

export * from './identity.schemas';

export const identityContract = {
  name: 'identity',
  routes: identityRoutes,
  actions: identityActions,
  errors: identityErrors,
  auditActions: identityAuditActions,
} as const satisfies ModuleContract;
