import type { z } from 'zod';
import { actorId } from '../auth/actor';
import type { Deps, RequestContext } from '../context';
import type { Trx } from '../db/database';
import { newId } from '../ids';
import { enqueueJob } from '../jobs/jobs';

/** A module's events: each name (`resource.past_verb`) with the zod schema of its payload. */
export type EventSchemas = Record<string, z.ZodType>;

/** Declares a module's events (in `<m>.events.ts`, listed in its manifest's `events.emits`). */
export function defineEvents<const S extends EventSchemas>(schemas: S): S {
  return schemas;
}

/** The payload types of a module's events, for the declaration that adds them to `DomainEvents`. */
export type PayloadsOf<S extends EventSchemas> = { [K in keyof S]: z.infer<S[K]> };

/**
 * Every event name with its payload type. Each module adds its own events next to their schemas:
 * `declare module '…/core/events/events' { interface DomainEvents extends PayloadsOf<typeof xEvents> {} }`.
 * It is an interface because only interfaces merge: an event is declared once, by the module that emits it, and
 * emitting or subscribing to a name nobody declared is a type error.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, see above
export interface DomainEvents {}

type EventName = keyof DomainEvents & string;

/** An event as a module emits it: its name and the payload that name declares. */
type DomainEvent<K extends EventName = EventName> = { [N in K]: { name: N; payload: DomainEvents[N] } }[K];

/** An event as a subscriber receives it: the emitted event with its id, its cause and when it happened. */
export type DeliveredEvent<K extends EventName = EventName> = DomainEvent<K> & {
  id: string;
  actorId: string | null;
  actorName: string | null;
  occurredAt: string;
};

/**
 * Reacts to events after the change that emitted them committed. `handle` runs inside the transaction that records
 * the delivery, so its effect commits exactly once with that record (see events.delivery.ts): it reads and writes
 * through `trx` only (SQLite has one connection: `deps.db` would wait for this very transaction), and anything that
 * leaves the database — an e-mail, an index entry built from a file — is queued as a job in `trx`.
 */
export type Subscriber<K extends EventName = EventName> = {
  on: readonly K[];
  // A method, not a property, so a subscriber to some events fits where any subscriber is expected.
  handle(trx: Trx, event: DeliveredEvent<K>, deps: Deps): Promise<void>;
};

/** Declares a subscriber to one or more events (named by the key it gets in the manifest's `events.subscribers`). */
export function subscribe<const K extends EventName>(
  on: readonly K[],
  handle: (trx: Trx, event: DeliveredEvent<K>, deps: Deps) => Promise<void>,
): Subscriber<K> {
  return { on, handle };
}

/** The job that delivers one event to its subscribers (its handler is built from the manifests in server.ts). */
export const EVENT_JOB = 'events.deliver';

/**
 * Records a domain event in the transaction of the change it describes (the outbox) and queues its delivery in the
 * same transaction: the event exists exactly when the change commits, and a rolled-back change emits nothing. Call
 * `ctx.wakeJobs()` after the commit, as for any job.
 */
export async function emit(trx: Trx, ctx: RequestContext, event: DomainEvent): Promise<void> {
  const id = newId();
  const now = ctx.clock.now();
  const actor = ctx.actor;
  await trx
    .insertInto('domain_events')
    .values({
      id,
      name: event.name,
      payload: JSON.stringify(event.payload),
      actor_id: actorId(actor),
      actor_name: actor.kind === 'user' ? actor.name : actor.kind === 'share_visitor' ? actor.email : null,
      occurred_at: now.toISOString(),
    })
    .execute();
  await enqueueJob(trx, now, { kind: EVENT_JOB, payload: { eventId: id } });
}
