import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dialectOf } from '../src/core/db/database';
import { migrateToLatest, migrationNames } from '../src/core/migrations';
import { openTestDatabase } from './database';
import { testDialect } from './dialect';

const expectedTables = [
  'api_tokens',
  'audit_events',
  'jobs',
  'login_failures',
  'one_time_tokens',
  'organizations',
  'recovery_codes',
  'sessions',
  'space_members',
  'spaces',
  'users',
];

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe(`migrations on ${testDialect}`, () => {
  it('an empty database is brought to the latest schema step by step, in registry order', async () => {
    const database = await openTestDatabase();
    close = database.close;
    expect(dialectOf(database.db)).toBe(testDialect);
    const applied = await migrateToLatest(database.db);
    expect(applied).toEqual(migrationNames());
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of expectedTables) expect(tables).toContain(table);
  });

  it('running the migrations again applies nothing and keeps the data', async () => {
    const database = await openTestDatabase();
    close = database.close;
    await migrateToLatest(database.db);
    const now = new Date().toISOString();
    await database.db
      .insertInto('organizations')
      .values({
        id: 'o1',
        name: 'Keep',
        name_key: 'keep',
        kind: 'customer',
        is_host: 0,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    expect(await migrateToLatest(database.db)).toEqual([]);
    const row = await database.db.selectFrom('organizations').select('name').executeTakeFirst();
    expect(row?.name).toBe('Keep');
  });

  it('the schema enforces one membership per person and per organization in a space', async () => {
    const database = await openTestDatabase();
    close = database.close;
    const { db } = database;
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db
      .insertInto('organizations')
      .values({
        id: 'o1',
        name: 'O',
        name_key: 'o',
        kind: 'customer',
        is_host: 0,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('spaces')
      .values({
        id: 's1',
        name: 'S',
        slug: 's',
        kind: 'project',
        description: '',
        status: 'active',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const member = {
      space_id: 's1',
      user_id: null,
      organization_id: 'o1',
      role: 'viewer' as const,
      expires_at: null,
      created_by: null,
      created_at: now,
    };
    await db
      .insertInto('space_members')
      .values({ id: 'm1', ...member })
      .execute();
    await expect(
      db
        .insertInto('space_members')
        .values({ id: 'm2', ...member })
        .execute(),
    ).rejects.toThrow();
    const count = await sql<{ n: number }>`select count(*) as n from space_members`.execute(db);
    expect(Number(count.rows[0].n)).toBe(1);
  });
});
