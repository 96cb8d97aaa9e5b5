import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Db, openDatabase } from '../src/core/db/database';
import { testDialect } from './dialect';
import { createTestDatabase } from './support/postgres';

/** A fresh, empty database of the suite's dialect (not migrated), for tests below the HTTP layer. */
export async function openTestDatabase(): Promise<{
  db: Db;
  url: string | null;
  file: string | null;
  close: () => Promise<void>;
}> {
  if (testDialect === 'postgres') {
    const database = await createTestDatabase(inject('pgAdminUrl'));
    const db = openDatabase({ dialect: 'postgres', url: database.url });
    return {
      db,
      url: database.url,
      file: null,
      async close() {
        await db.destroy();
        await database.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-db-'));
  const file = join(dir, 'gatehouse.db');
  const db = openDatabase({ dialect: 'sqlite', file });
  return {
    db,
    url: null,
    file,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
