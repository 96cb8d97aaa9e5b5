import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import { searchForActor } from './search.service';

/** GET /search — full-text search of documents; the index is fed by the `search.index_document` job. */
export function registerSearchRoutes(app: FastifyInstance) {
  route(app, routes.search, async (request) => ({ results: await searchForActor(request.ctx, request.query) }));
}
