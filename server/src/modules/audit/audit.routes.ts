import { Readable } from 'node:stream';
import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import { exportAuditCsv, listAudit } from './audit.service';

/** Routes: GET /api/v1/audit, GET /api/v1/audit/export.csv */
export function registerAuditRoutes(app: FastifyInstance) {
  route(app, routes.listAudit, async (request) => listAudit(request.ctx, request.query));

  route(app, routes.exportAudit, async (request, reply) => {
    const lines = exportAuditCsv(request.ctx, request.query);
    // Pull the first chunk before answering, so a refusal still becomes a proper problem+json response.
    const first = await lines.next();
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="gatehouse-audit-${stamp}.csv"`)
      .send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* lines;
          })(),
        ),
      );
  });
}
