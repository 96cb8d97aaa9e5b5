import type { ModuleContract } from '../route-contract';
import { sharesActions } from './shares.actions';
import { sharesAuditActions } from './shares.audit-actions';
import { sharesErrors } from './shares.errors';
import { sharesRoutes } from './shares.routes';

export * from './shares.schemas';

export const sharesContract = {
  name: 'shares',
  routes: sharesRoutes,
  actions: sharesActions,
  errors: sharesErrors,
  auditActions: sharesAuditActions,
} as const satisfies ModuleContract;
