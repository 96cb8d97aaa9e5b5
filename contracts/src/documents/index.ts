import type { ModuleContract } from '../route-contract';
import { documentsActions } from './documents.actions';
import { documentsAuditActions } from './documents.audit-actions';
import { documentsErrors } from './documents.errors';
import { documentsRoutes } from './documents.routes';

export * from './documents.schemas';

export const documentsContract = {
  name: 'documents',
  routes: documentsRoutes,
  actions: documentsActions,
  errors: documentsErrors,
  auditActions: documentsAuditActions,
} as const satisfies ModuleContract;
