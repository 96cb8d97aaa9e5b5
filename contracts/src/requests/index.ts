import type { ModuleContract } from '../route-contract';
import { requestsActions } from './requests.actions';
import { requestsAuditActions } from './requests.audit-actions';
import { requestsErrors } from './requests.errors';
import { requestsRoutes } from './requests.routes';

export * from './requests.schemas';

export const requestsContract = {
  name: 'requests',
  routes: requestsRoutes,
  actions: requestsActions,
  errors: requestsErrors,
  auditActions: requestsAuditActions,
} as const satisfies ModuleContract;
