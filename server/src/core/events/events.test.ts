import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { modules } from '../../modules';
import { systemContext } from '../context';
import { defineModule, type ModuleManifest } from '../module';
import { EVENT_JOB, emit, subscribe } from './events';
import { collectEvents } from './events.delivery';

type ProbeDb = { event_probe_effects: { id: string; subscriber: string; event_id: string } };
const probeDb = (db: unknown) => db as Kysely<ProbeDb>;

/** How many times each subscriber's handler was called, per event id (effects are counted in the database). */
const calls = new Map<string, number>();
const called = (subscriber: string, eventId: string) => calls.get(`${subscriber}:${eventId}`) ?? 0;

function probe(name: string, options: { failFirst?: boolean } = {}) {
  return subscribe(['folder.created'], async (trx, event) => {
    const key = `${name}:${event.id}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    await probeDb(trx)
      .insertInto('event_probe_effects')
      .values({ id: `${key}:${calls.get(key)}`, subscriber: name, event_id: event.id })
      .execute();
    // The effect above was written; failing now must roll it back with the delivery record.
    if (options.failFirst && calls.get(key) === 1) throw new Error('the first delivery fails');
  });
}

/** A module that exists only in this test: it subscribes to a real event and records each effect in its own table. */
const probeModule = defineModule({
  name: 'event-probe',
  tables: {},
  migrations: {
    '9100-event-probe': {
      async up(db) {
        await (db as Kysely<never>).schema
          .createTable('event_probe_effects')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subscriber', 'text', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
  events: {
    subscribers: {
      'probe.first': probe('probe.first'),
      'probe.second': probe('probe.second'),
      'probe.flaky': probe('probe.flaky', { failFirst: true }),
    },
  },
});
const withProbe: readonly ModuleManifest<object>[] = [...modules, probeModule];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ modules: withProbe });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => calls.clear());

const payload = { folderId: 'folder-1', spaceId: 'space-1', parentId: null };

async function emitted(): Promise<string> {
  const ctx = systemContext(server.deps, 'test');
  await server.deps.db.transaction().execute((trx) => emit(trx, ctx, { name: 'folder.created', payload }));
  const row = await server.deps.db
    .selectFrom('domain_events')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function effects(eventId: string) {
  const rows = await probeDb(server.deps.db)
    .selectFrom('event_probe_effects')
    .select('subscriber')
    .where('event_id', '=', eventId)
    .orderBy('subscriber')
    .execute();
  return rows.map((row) => row.subscriber);
}

/** Makes the event's delivery job due now, as a retry after its backoff or a redelivery would. */
async function makeDeliveryDue(eventId: string, status: 'pending' = 'pending') {
  await server.deps.db
    .updateTable('jobs')
    .set({ status, run_at: new Date(0).toISOString(), locked_until: null })
    .where('kind', '=', EVENT_JOB)
    .where('payload', '=', JSON.stringify({ eventId }))
    .execute();
}

describe(`domain events (${testDialect})`, () => {
  it('subscribers run only after the change commits, each of them, from the job queue', async () => {
    const eventId = await emitted();
    expect(await effects(eventId)).toEqual([]);
    await server.runJobs();
    // The flaky subscriber failed its first time; the two others ran once each.
    expect(await effects(eventId)).toEqual(['probe.first', 'probe.second']);
    expect([called('probe.first', eventId), called('probe.second', eventId)]).toEqual([1, 1]);
  });

  it('a rolled-back change emits nothing and no subscriber ever runs for it', async () => {
    const before = await server.deps.db.selectFrom('domain_events').select('id').execute();
    const ctx = systemContext(server.deps, 'test');
    await expect(
      server.deps.db.transaction().execute(async (trx) => {
        await emit(trx, ctx, { name: 'folder.created', payload });
        throw new Error('the change fails after emitting');
      }),
    ).rejects.toThrow('the change fails after emitting');
    await server.runJobs();
    expect(await server.deps.db.selectFrom('domain_events').select('id').execute()).toEqual(before);
    expect(calls.size).toBe(0);
  });

  it('a subscriber that fails is retried after its backoff and its effect happens exactly once', async () => {
    const eventId = await emitted();
    await server.runJobs();
    expect(called('probe.flaky', eventId)).toBe(1);
    expect(await effects(eventId)).not.toContain('probe.flaky');
    const job = await server.deps.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('payload', '=', JSON.stringify({ eventId }))
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'pending', last_error: expect.stringContaining('probe.flaky') });

    await makeDeliveryDue(eventId);
    await server.runJobs();
    expect(await effects(eventId)).toEqual(['probe.first', 'probe.flaky', 'probe.second']);
    // The retry ran the flaky subscriber again, and only it.
    expect([called('probe.first', eventId), called('probe.second', eventId), called('probe.flaky', eventId)]).toEqual([
      1, 1, 2,
    ]);
  });

  it('an event delivered again (the job run a second time) runs no subscriber twice', async () => {
    const eventId = await emitted();
    await server.runJobs();
    await makeDeliveryDue(eventId);
    await server.runJobs();
    await makeDeliveryDue(eventId);
    await server.runJobs();
    expect(await effects(eventId)).toEqual(['probe.first', 'probe.flaky', 'probe.second']);
    expect([called('probe.first', eventId), called('probe.second', eventId), called('probe.flaky', eventId)]).toEqual([
      1, 1, 2,
    ]);
    const deliveries = await server.deps.db
      .selectFrom('event_deliveries')
      .select('subscriber')
      .where('event_id', '=', eventId)
      .orderBy('subscriber')
      .execute();
    expect(deliveries.map((d) => d.subscriber)).toEqual(['probe.first', 'probe.flaky', 'probe.second']);
  });

  it('a subscriber name used twice, or a subscriber to an event nobody declares, is refused at start', () => {
    const twin = defineModule({
      name: 'twin',
      tables: {},
      events: { subscribers: { 'probe.first': subscribe(['folder.created'], async () => {}) } },
    });
    expect(() => collectEvents([...withProbe, twin])).toThrow(/Subscriber probe.first is declared twice/);
    const stray = defineModule({
      name: 'stray',
      tables: {},
      events: { subscribers: { 'stray.listener': subscribe(['folder.created'], async () => {}) } },
    });
    // Alone, without the documents module, nobody declares folder.created.
    expect(() => collectEvents([stray])).toThrow(/listens to folder.created, never declared/);
  });
});
