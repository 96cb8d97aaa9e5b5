import { createHash } from 'node:crypto';
import { actorId, actorLabel } from '../auth/actor';
import type { RequestContext } from '../context';
import type { DbOrTrx, Trx } from '../db/database';
import { lockSequence } from '../db/dialect';
import { newId } from '../ids';

export type AuditInput = {
  action: string;
  outcome?: 'success' | 'failure';
  target?: { type: string; id: string; label?: string | null };
  details?: Record<string, unknown>;
  /** Who acted when the context has no signed-in actor yet (e.g. a failed sign-in names the e-mail tried). */
  actorOverride?: { id: string | null; label: string | null };
};

const GENESIS = '0'.repeat(64);

type ChainedFields = {
  seq: number;
  id: string;
  at: string;
  action: string;
  outcome: 'success' | 'failure';
  actor_id: string | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  details: string;
};

/** SHA-256 over the previous hash and every field of the event, in a fixed order: any edit breaks the chain. */
function eventHash(prevHash: string, event: ChainedFields): string {
  const fields = [
    event.seq,
    event.id,
    event.at,
    event.action,
    event.outcome,
    event.actor_id,
    event.actor_label,
    event.target_type,
    event.target_id,
    event.target_label,
    event.ip,
    event.details,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends an event to the hash-chained audit trail. Call it with the transaction of the change it describes, so the
 * change and its trace commit or vanish together.
 */
export async function record(trx: Trx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await lockSequence(trx, 'audit_events');
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const event: ChainedFields = {
    seq: Number(last?.seq ?? 0) + 1,
    id: newId(),
    at: ctx.clock.now().toISOString(),
    action: input.action,
    outcome: input.outcome ?? 'success',
    actor_id: input.actorOverride ? input.actorOverride.id : actorId(ctx.actor),
    actor_label: input.actorOverride ? input.actorOverride.label : actorLabel(ctx.actor),
    target_type: input.target?.type ?? null,
    target_id: input.target?.id ?? null,
    target_label: input.target?.label ?? null,
    ip: ctx.ip,
    details: JSON.stringify(input.details ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS;
  await trx
    .insertInto('audit_events')
    .values({ ...event, prev_hash: prevHash, hash: eventHash(prevHash, event) })
    .execute();
}

type ChainProblem = { seq: number; id: string | null; problem: string };

/**
 * Recomputes the whole chain. Reports an edited row (its hash no longer matches), a deleted row (a gap in seq or a
 * broken link) and reordered rows (links that no longer follow each other), naming each row.
 */
export async function verifyChain(db: DbOrTrx): Promise<{ checked: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 1000;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        problems.push({ seq, id: row.id, problem: `missing event(s) before seq ${seq} (expected seq ${expectedSeq})` });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({ seq, id: row.id, problem: 'does not link to the previous event (deleted or reordered)' });
      }
      if (eventHash(row.prev_hash, { ...row, seq }) !== row.hash) {
        problems.push({ seq, id: row.id, problem: 'content does not match its hash (edited)' });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  return { checked, problems };
}
