import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import { invitePerson, resendInvitation } from './people.invitations.service';
import { disablePerson, enablePerson, getPerson, listPeople, updatePerson } from './people.service';

/**
 * GET /people · POST /people (invite) · GET /people/:id · PATCH /people/:id · POST /people/:id/disable ·
 * POST /people/:id/enable · POST /people/:id/resend-invitation
 */
export function registerPeopleRoutes(app: FastifyInstance) {
  route(app, routes.listPeople, async (request) => listPeople(request.ctx, request.query));
  route(app, routes.invitePerson, async (request) => ({ person: await invitePerson(request.ctx, request.body) }));
  route(app, routes.getPerson, async (request) => ({ person: await getPerson(request.ctx, request.params) }));
  route(app, routes.updatePerson, async (request) => ({
    person: await updatePerson(request.ctx, { ...request.body, id: request.params.id }),
  }));
  route(app, routes.disablePerson, async (request) => ({ person: await disablePerson(request.ctx, request.params) }));
  route(app, routes.enablePerson, async (request) => ({ person: await enablePerson(request.ctx, request.params) }));
  route(app, routes.resendInvitation, async (request) => resendInvitation(request.ctx, request.params));
}
