import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import { listSpaceCapabilities } from './spaces.capabilities';
import { inviteToSpace } from './spaces.invitations.service';
import { addMember, listMembers, removeMember, updateMember } from './spaces.members.service';
import { archiveSpace, createSpace, getSpace, listSpaces, updateSpace } from './spaces.service';

/**
 * GET /spaces · POST /spaces · GET /spaces/:id · PATCH /spaces/:id · POST /spaces/:id/archive ·
 * GET|POST /spaces/:id/members · PATCH|DELETE /spaces/:id/members/:memberId · POST /spaces/:id/invitations ·
 * GET /space-capabilities
 */
export function registerSpacesRoutes(app: FastifyInstance) {
  route(app, routes.listSpaces, async (request) => listSpaces(request.ctx));
  route(app, routes.createSpace, async (request) => ({ space: await createSpace(request.ctx, request.body) }));
  route(app, routes.getSpace, async (request) => ({ space: await getSpace(request.ctx, request.params) }));
  route(app, routes.updateSpace, async (request) => ({
    space: await updateSpace(request.ctx, { ...request.body, id: request.params.id }),
  }));
  route(app, routes.archiveSpace, async (request) => ({ space: await archiveSpace(request.ctx, request.params) }));
  route(app, routes.listMembers, async (request) => listMembers(request.ctx, request.params));
  route(app, routes.addMember, async (request) => ({
    member: await addMember(request.ctx, { ...request.body, id: request.params.id }),
  }));
  route(app, routes.updateMember, async (request) => ({
    member: await updateMember(request.ctx, { ...request.body, ...request.params }),
  }));
  route(app, routes.removeMember, async (request) => removeMember(request.ctx, request.params));
  route(app, routes.listSpaceCapabilities, async () => listSpaceCapabilities());
  route(app, routes.inviteToSpace, async (request) => ({
    member: await inviteToSpace(request.ctx, { ...request.body, id: request.params.id }),
  }));
}
