import type { ModuleContract } from '../route-contract';
import { searchActions } from './search.actions';
import { searchAuditActions } from './search.audit-actions';
import { searchErrors } from './search.errors';
import { searchRoutes } from './search.routes';

export * from './search.schemas';

export const searchContract = {
  name: 'search',
  routes: searchRoutes,
  actions: searchActions,
  errors: searchErrors,
  auditActions: searchAuditActions,
} as const satisfies ModuleContract;
