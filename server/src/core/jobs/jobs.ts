import type { Deps } from '../context';
import type { DbOrTrx } from '../db/database';
import { supportsSkipLocked } from '../db/dialect';
import { newId } from '../ids';

export type JobHandler = (payload: unknown, deps: Deps) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** How long a worker owns a leased job; an instance that dies mid-job loses its lease and another picks it up. */
const LEASE_MS = 5 * 60_000;
const POLL_MS = 2_000;

/** Queues a job in the caller's transaction: it exists exactly when the change that asked for it commits. */
export async function enqueueJob(
  trx: DbOrTrx,
  now: Date,
  job: { kind: string; payload: unknown; runAt?: Date; maxAttempts?: number },
) {
  const iso = now.toISOString();
  await trx
    .insertInto('jobs')
    .values({
      id: newId(),
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts ?? 8,
      run_at: (job.runAt ?? now).toISOString(),
      locked_until: null,
      last_error: null,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
}

/** Leases the next due job (or one whose lease expired). PostgreSQL uses SKIP LOCKED so instances never collide. */
async function leaseNext(deps: Deps) {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const next = await trx
      .selectFrom('jobs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_at', 'asc')
      .limit(1)
      .$if(supportsSkipLocked(trx), (qb) => qb.forUpdate().skipLocked())
      .executeTakeFirst();
    if (!next) return null;
    await trx
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: next.attempts + 1,
        locked_until: new Date(now.getTime() + LEASE_MS).toISOString(),
        updated_at: nowIso,
      })
      .where('id', '=', next.id)
      .execute();
    return { ...next, attempts: next.attempts + 1 };
  });
}

function backoffMs(attempts: number) {
  return Math.min(60 * 60_000, 5_000 * 2 ** (attempts - 1));
}

/** Runs due jobs until none is left; returns how many ran. Used by the runner loop and by tests. */
export async function runDueJobs(deps: Deps, handlers: JobHandlers): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await leaseNext(deps);
    if (!job) return ran;
    ran += 1;
    const handler = handlers[job.kind];
    const nowIso = () => deps.clock.now().toISOString();
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), deps);
      await deps.db
        .updateTable('jobs')
        .set({ status: 'done', locked_until: null, updated_at: nowIso() })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const failedForGood = job.attempts >= job.max_attempts;
      deps.logger.warn({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job failed');
      await deps.db
        .updateTable('jobs')
        .set({
          status: failedForGood ? 'failed' : 'pending',
          locked_until: null,
          last_error: String((error as Error).message ?? error).slice(0, 2000),
          run_at: new Date(deps.clock.now().getTime() + backoffMs(job.attempts)).toISOString(),
          updated_at: nowIso(),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}

/** Polls the jobs table in the background; `wake()` runs it at once (after a commit that queued something). */
export function startJobRunner(deps: Deps, handlers: JobHandlers) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = runDueJobs(deps, handlers)
      .then(() => undefined)
      .catch((error) => deps.logger.error({ err: error }, 'job runner failed'))
      .finally(() => {
        running = null;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(tick);
        } else timer = setTimeout(tick, POLL_MS);
      });
  };
  timer = setTimeout(tick, 50);
  return {
    wake: tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
