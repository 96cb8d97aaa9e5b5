import type { ModuleContract } from '../route-contract';
import { spacesActions } from './spaces.actions';
import { spacesAuditActions } from './spaces.audit-actions';
import { spacesErrors } from './spaces.errors';
import { spacesRoutes } from './spaces.routes';

export * from './spaces.schemas';

export const spacesContract = {
  name: 'spaces',
  routes: spacesRoutes,
  actions: spacesActions,
  errors: spacesErrors,
  auditActions: spacesAuditActions,
} as const satisfies ModuleContract;
