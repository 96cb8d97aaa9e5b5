import type { Kysely } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The domain events outbox and the record of which subscriber has handled which event (core/events). Both engines
 * take the same DDL: ids and times are text, as everywhere else.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('domain_events_occurred_at_idx').on('domain_events').column('occurred_at').execute();
  await db.schema
    .createTable('event_deliveries')
    .addColumn('event_id', 'text', (c) => c.notNull().references('domain_events.id').onDelete('cascade'))
    .addColumn('subscriber', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_deliveries_pk', ['event_id', 'subscriber'])
    .execute();
}
