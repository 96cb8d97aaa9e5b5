import type { FastifyInstance } from 'fastify';
import type { Deps } from './core/context';
import type { JobHandlers } from './core/jobs/jobs';
import { auditModule } from './modules/audit/audit.routes';
import { identityModule } from './modules/identity/identity.routes';
import { organizationsModule } from './modules/organizations/organizations.routes';
import { peopleModule } from './modules/people/people.routes';
import { spacesModule } from './modules/spaces/spaces.routes';

export type Module = {
  name: string;
  register: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  jobs?: JobHandlers;
};

/** Every capability of the server, one line each, in registration order. */
export const modules: Module[] = [identityModule, organizationsModule, peopleModule, spacesModule, auditModule];
