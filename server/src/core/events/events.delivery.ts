import { z } from 'zod';
import type { Deps } from '../context';
import { isUniqueViolation } from '../db/dialect';
import type { JobHandler } from '../jobs/jobs';
import type { ModuleManifest } from '../module';
import type { DeliveredEvent, Subscriber } from './events';

/** The events the modules declare and who listens to each, checked once at start. */
type EventRegistry = {
  schemas: Map<string, z.ZodType>;
  subscribers: Map<string, { name: string; subscriber: Subscriber }[]>;
};

/**
 * Collects the modules' events and subscribers. An event declared twice, a subscriber name used twice, or a
 * subscriber to an event no module declares is refused: each would otherwise go wrong silently.
 */
export function collectEvents(manifests: readonly ModuleManifest<object>[]): EventRegistry {
  const schemas = new Map<string, z.ZodType>();
  const owners = new Map<string, string>();
  for (const module of manifests) {
    for (const [name, schema] of Object.entries(module.events?.emits ?? {})) {
      if (owners.has(name))
        throw new Error(`Event ${name} is declared twice (by ${owners.get(name)} and ${module.name})`);
      owners.set(name, module.name);
      schemas.set(name, schema);
    }
  }
  const names = new Set<string>();
  const subscribers: EventRegistry['subscribers'] = new Map();
  for (const module of manifests) {
    for (const [name, subscriber] of Object.entries(module.events?.subscribers ?? {})) {
      if (names.has(name)) throw new Error(`Subscriber ${name} is declared twice (again by ${module.name})`);
      names.add(name);
      for (const event of subscriber.on) {
        if (!schemas.has(event))
          throw new Error(`Subscriber ${name} (${module.name}) listens to ${event}, never declared`);
        subscribers.set(event, [...(subscribers.get(event) ?? []), { name, subscriber }]);
      }
    }
  }
  return { schemas, subscribers };
}

const Payload = z.object({ eventId: z.string() });

class AlreadyDelivered extends Error {}

/**
 * Exactly-once effects over at-least-once delivery: the job may run again (a retry, a lease that expired, a second
 * instance), so each (event, subscriber) pair is recorded in `event_deliveries` in the same transaction as the
 * subscriber's effect. A pair already recorded is skipped; a failed subscriber rolls back its effect and its record
 * together, and the job is retried with the queue's backoff for the subscribers that have not succeeded yet.
 */
export function eventDeliveryJob(registry: EventRegistry): JobHandler {
  return async (payload, deps) => {
    const { eventId } = Payload.parse(payload);
    const row = await deps.db.selectFrom('domain_events').selectAll().where('id', '=', eventId).executeTakeFirst();
    const listeners = row ? (registry.subscribers.get(row.name) ?? []) : [];
    if (!row || listeners.length === 0) return;
    const schema = registry.schemas.get(row.name) as z.ZodType;
    const event = {
      id: row.id,
      name: row.name,
      payload: schema.parse(JSON.parse(row.payload)),
      actorId: row.actor_id,
      actorName: row.actor_name,
      occurredAt: row.occurred_at,
    } as DeliveredEvent;
    const delivered = await deps.db
      .selectFrom('event_deliveries')
      .select('subscriber')
      .where('event_id', '=', eventId)
      .execute();
    const done = new Set(delivered.map((d) => d.subscriber));
    const failed: string[] = [];
    for (const { name, subscriber } of listeners) {
      if (done.has(name)) continue;
      try {
        await deliverOnce(deps, event, name, subscriber);
      } catch (error) {
        deps.logger.warn({ err: error, eventId, event: row.name, subscriber: name }, 'event subscriber failed');
        failed.push(`${name}: ${String((error as Error).message ?? error)}`);
      }
    }
    if (failed.length > 0) throw new Error(`Event ${row.name} ${eventId} not delivered to ${failed.join('; ')}`);
  };
}

async function deliverOnce(deps: Deps, event: DeliveredEvent, name: string, subscriber: Subscriber) {
  try {
    await deps.db.transaction().execute(async (trx) => {
      // The record goes first: a concurrent delivery of the same pair (another instance) waits on it in PostgreSQL
      // and then finds it taken, instead of running the effect a second time.
      try {
        await trx
          .insertInto('event_deliveries')
          .values({ event_id: event.id, subscriber: name, delivered_at: deps.clock.now().toISOString() })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyDelivered();
        throw error;
      }
      await subscriber.handle(trx, event, deps);
    });
  } catch (error) {
    if (!(error instanceof AlreadyDelivered)) throw error;
  }
}
