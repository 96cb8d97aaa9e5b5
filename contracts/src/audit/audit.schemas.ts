import { z } from 'zod';
import { Id, IsoDateTime } from '../common';

export const AuditEvent = z.object({
  id: Id,
  seq: z.number().int(),
  at: IsoDateTime,
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor: z.object({ id: Id.nullable(), label: z.string().nullable() }),
  target: z.object({ type: z.string().nullable(), id: z.string().nullable(), label: z.string().nullable() }),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const ListAuditQuery = z
  .object({
    action: z.string().max(100).optional(),
    actorId: Id.optional(),
    targetId: z.string().max(100).optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().optional(),
  })
  .strict();
