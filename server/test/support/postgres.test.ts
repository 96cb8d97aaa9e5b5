/**
 * Proves the database backend of the current project is really there:
 * - server-postgres: the throwaway PostgreSQL 15 cluster from globalSetup works end to end;
 * - server-sqlite: better-sqlite3 is built and has the features the app relies on.
 */
import { describe, expect, inject, it } from 'vitest';

const dialect = process.env.GATEHOUSE_TEST_DIALECT ?? 'sqlite';

// Plain `if` rather than describe.runIf: each project runs its own checks and nothing shows up as skipped.
if (dialect === 'postgres') {
  describe('postgres test cluster', () => {
    it('creates a database, runs a query on PostgreSQL 15, and drops it', async () => {
      const { createTestDatabase } = await import('./postgres');
      const pg = (await import('pg')).default;
      const adminUrl = inject('pgAdminUrl');
      expect(adminUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);

      const db = await createTestDatabase(adminUrl);
      try {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ version: string; db: string }>(
            'select version() as version, current_database() as db',
          );
          expect(rows[0]?.version).toContain('PostgreSQL 15');
          expect(rows[0]?.db).toBe(db.name);
        } finally {
          await client.end();
        }
      } finally {
        await db.drop();
      }

      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [db.name]);
        expect(rowCount).toBe(0);
      } finally {
        await admin.end();
      }
    });
  });
} else {
  describe('sqlite engine', () => {
    it('better-sqlite3 loads, reports its version and has FTS5 and JSON compiled in', async () => {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(':memory:');
      try {
        const { v } = db.prepare('select sqlite_version() as v').get() as {
          v: string;
        };
        const [major, minor] = v.split('.').map(Number);
        expect(major).toBe(3);
        expect(minor).toBeGreaterThanOrEqual(38);

        db.exec("create virtual table docs using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
        db.prepare('insert into docs (title, body) values (?, ?)').run('Übersicht Q3', 'Quarterly financial report');
        const hits = db.prepare('select title from docs where docs match ?').all('financial') as { title: string }[];
        expect(hits).toEqual([{ title: 'Übersicht Q3' }]);
        const folded = db.prepare('select title from docs where docs match ?').all('ubersicht') as { title: string }[];
        expect(folded).toHaveLength(1);

        const { j } = db.prepare("select json_extract('{\"a\":[1,2]}', '$.a[1]') as j").get() as { j: number };
        expect(j).toBe(2);
      } finally {
        db.close();
      }
    });
  });
}

it('runs under a known dialect', () => {
  expect(['sqlite', 'postgres']).toContain(dialect);
});
