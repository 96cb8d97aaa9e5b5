import { z } from 'zod';
import { defineRoute } from '../route-contract';
import { AuditEvent, ListAuditQuery } from './audit.schemas';

export const auditRoutes = {
  listAudit: defineRoute({
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'Browse the audit trail',
    query: ListAuditQuery,
    response: z.object({ events: z.array(AuditEvent), nextBefore: z.number().int().nullable() }),
  }),
  exportAudit: defineRoute({
    method: 'GET',
    path: '/api/v1/audit/export.csv',
    summary: 'Export the audit trail as CSV',
    query: ListAuditQuery.omit({ limit: true, before: true }),
    response: z.string(),
  }),
} as const;
