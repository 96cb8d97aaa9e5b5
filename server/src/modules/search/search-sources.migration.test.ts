import { type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import { testDialect } from '../../../test/harness';
import type { Db } from '../../core/db/database';
import { newId } from '../../core/ids';
import { migrateToLatest } from '../../core/migrations';
import { searchEverything, searchSourcesOf } from '../../core/search/search';
import { plantSpace } from '../../core/search/search.test-helpers';
import { modules } from '../../modules';

let db: Db;
let close: () => Promise<void>;

/** The server's modules as they were before the search sources: every migration up to 0012. */
const before = modules.map((module) => ({
  ...module,
  migrations: Object.fromEntries(Object.entries(module.migrations ?? {}).filter(([name]) => name < '0013')),
}));

beforeAll(async () => {
  const database = await openTestDatabase();
  db = database.db;
  close = database.close;
  await migrateToLatest(db, before);
});

afterAll(async () => {
  await close?.();
});

describe(`migration 0013-search-sources on ${testDialect}`, () => {
  it('indexes the folders and spaces that existed before it, so they are found at once', async () => {
    const spaceId = await plantSpace(db, 'Pelican Bay');
    await db.updateTable('spaces').set({ description: 'Tidal café records' }).where('id', '=', spaceId).execute();
    const folderId = newId();
    await db
      .insertInto('folders')
      .values({
        id: folderId,
        space_id: spaceId,
        parent_id: null,
        name: 'Pelican nests',
        name_key: 'pelican nests',
        created_by: null,
        created_at: '2024-03-01T10:00:00.000Z',
        updated_at: '2024-03-01T10:00:00.000Z',
        trashed_at: null,
        trashed_by: null,
        trash_root_id: null,
      })
      .execute();
    await db.insertInto('space_capabilities').values({ space_id: spaceId, capability: 'documents' }).execute();
    await migrateToLatest(db);
    const results = await searchEverything({
      query: 'pelican',
      searcher: {
        db,
        actor: { kind: 'system', label: 'test' },
        nowIso: new Date().toISOString(),
        spaces: () => sql<SqlBool>`1 = 1`,
      },
      sources: searchSourcesOf(modules),
      filters: {},
      limit: 10,
    });
    expect(results.map((result) => `${result.kind}:${result.id}`).sort()).toEqual([
      `folder:${folderId}`,
      `space:${spaceId}`,
    ]);
    const [space] = await searchEverything({
      query: 'cafe',
      searcher: { db, actor: { kind: 'system', label: 'test' }, nowIso: '', spaces: () => sql<SqlBool>`1 = 1` },
      sources: searchSourcesOf(modules),
      filters: {},
      limit: 10,
    });
    expect(space).toMatchObject({ kind: 'space', title: 'Pelican Bay', snippet: 'Tidal <mark>café</mark> records' });
  });
});
