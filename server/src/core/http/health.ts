import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../context';

/** Liveness says the process answers; readiness says it can serve (the database answers). */
export function registerHealth(app: FastifyInstance, deps: Deps) {
  app.get('/healthz', { config: { public: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
