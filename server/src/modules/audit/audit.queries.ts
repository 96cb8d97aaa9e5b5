import type { DbOrTrx } from '../../core/db/database';

export type AuditFilters = {
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

/** Newest first, keyset-paged on seq (stable while new events keep arriving). */
export function listAuditEvents(db: DbOrTrx, filters: AuditFilters & { limit: number; before?: number }) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .$if(Boolean(filters.action), (qb) =>
      // A trailing dot filters a whole family ("auth." → every sign-in event).
      filters.action?.endsWith('.')
        ? qb.where('action', 'like', `${filters.action}%`)
        : qb.where('action', '=', filters.action as string),
    )
    .$if(Boolean(filters.actorId), (qb) => qb.where('actor_id', '=', filters.actorId as string))
    .$if(Boolean(filters.targetId), (qb) => qb.where('target_id', '=', filters.targetId as string))
    .$if(Boolean(filters.from), (qb) => qb.where('at', '>=', filters.from as string))
    .$if(Boolean(filters.to), (qb) => qb.where('at', '<=', filters.to as string))
    .$if(filters.before !== undefined, (qb) => qb.where('seq', '<', filters.before as number))
    .orderBy('seq', 'desc')
    .limit(filters.limit)
    .execute();
}
