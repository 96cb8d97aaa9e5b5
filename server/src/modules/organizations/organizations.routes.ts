import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import {
  createOrganization,
  disableOrganization,
  enableOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service';

/**
 * GET /organizations · POST /organizations · GET /organizations/:id · PATCH /organizations/:id ·
 * POST /organizations/:id/disable · POST /organizations/:id/enable
 */
export function registerOrganizationsRoutes(app: FastifyInstance) {
  route(app, routes.listOrganizations, async (request) => listOrganizations(request.ctx, request.query));
  route(app, routes.createOrganization, async (request) => ({
    organization: await createOrganization(request.ctx, request.body),
  }));
  route(app, routes.getOrganization, async (request) => ({
    organization: await getOrganization(request.ctx, request.params),
  }));
  route(app, routes.updateOrganization, async (request) => ({
    organization: await updateOrganization(request.ctx, { ...request.body, id: request.params.id }),
  }));
  route(app, routes.disableOrganization, async (request) => ({
    organization: await disableOrganization(request.ctx, request.params),
  }));
  route(app, routes.enableOrganization, async (request) => ({
    organization: await enableOrganization(request.ctx, request.params),
  }));
}
