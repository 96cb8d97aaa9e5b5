import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import { testDialect } from '../../../test/dialect';
import { systemClock } from '../clock';
import { loadConfig } from '../config/config';
import type { RequestContext } from '../context';
import type { Db } from '../db/database';
import { createLogger } from '../logger';
import { migrateToLatest } from '../migrations';
import { createLocalBlobStore } from '../storage/local-blob-store';
import { record, verifyChain } from './audit';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function trailOf(count: number): Promise<Db> {
  const database = await openTestDatabase();
  close = database.close;
  await migrateToLatest(database.db);
  const ctx: RequestContext = {
    db: database.db,
    config: loadConfig({}),
    clock: systemClock,
    logger: createLogger('silent'),
    wakeJobs: () => {},
    blobs: await createLocalBlobStore({ root: mkdtempSync(join(tmpdir(), 'gatehouse-audit-blobs-')), masterKey: null }),
    actor: { kind: 'system', label: 'test' },
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'r',
  };
  for (let i = 1; i <= count; i += 1) {
    await database.db
      .transaction()
      .execute((trx) =>
        record(trx, ctx, { action: 'test.event', target: { type: 'thing', id: `t${i}` }, details: { i } }),
      );
  }
  return database.db;
}

describe(`audit hash chain on ${testDialect}`, () => {
  it('an untouched trail verifies completely', async () => {
    const db = await trailOf(5);
    expect(await verifyChain(db)).toEqual({ checked: 5, problems: [] });
  });

  it('an edited event is named by its sequence number', async () => {
    const db = await trailOf(5);
    await db
      .updateTable('audit_events')
      .set({ details: JSON.stringify({ i: 99 }) })
      .where('seq', '=', 3)
      .execute();
    const { problems } = await verifyChain(db);
    expect(problems).toEqual([expect.objectContaining({ seq: 3, problem: expect.stringContaining('edited') })]);
  });

  it('a deleted event is detected at the row that follows it', async () => {
    const db = await trailOf(5);
    await db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    const { problems } = await verifyChain(db);
    expect(problems.map((p) => p.seq)).toContain(3);
    expect(problems.some((p) => p.problem.includes('missing'))).toBe(true);
  });

  it('two swapped events are detected as reordered', async () => {
    const db = await trailOf(4);
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    // Swap the content of seq 2 and 3 while keeping the sequence numbers: a reordering attempt.
    const [second, third] = [rows[1], rows[2]];
    await db.deleteFrom('audit_events').where('seq', 'in', [2, 3]).execute();
    await db
      .insertInto('audit_events')
      .values({ ...third, seq: 2, id: `${third.id}-x` })
      .execute();
    await db
      .insertInto('audit_events')
      .values({ ...second, seq: 3, id: `${second.id}-y` })
      .execute();
    const { problems } = await verifyChain(db);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.seq === 2 && p.problem.includes('link'))).toBe(true);
  });

  it('a rewritten tail with recomputed hashes still breaks at the first forged row', async () => {
    const db = await trailOf(3);
    await db
      .updateTable('audit_events')
      .set({ action: 'forged', hash: 'f'.repeat(64) })
      .where('seq', '=', 2)
      .execute();
    const { problems } = await verifyChain(db);
    expect(problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 3]));
  });
});
