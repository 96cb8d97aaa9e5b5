import type { ModuleContract } from '../route-contract';
import { peopleActions } from './people.actions';
import { peopleAuditActions } from './people.audit-actions';
import { peopleErrors } from './people.errors';
import { peopleRoutes } from './people.routes';

export * from './people.schemas';

export const peopleContract = {
  name: 'people',
  routes: peopleRoutes,
  actions: peopleActions,
  errors: peopleErrors,
  auditActions: peopleAuditActions,
} as const satisfies ModuleContract;
