import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;
type DialectName = 'sqlite' | 'postgres';

type DatabaseOptions = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; poolSize?: number };

/** Opens the database. SQLite runs in WAL mode with synchronous=FULL so an acknowledged commit survives a crash. */
export function openDatabase(options: DatabaseOptions): Db {
  if (options.dialect === 'sqlite') {
    if (options.file !== ':memory:') mkdirSync(join(options.file, '..'), { recursive: true });
    const sqlite = new SQLite(options.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle connection can be cut by the server (restart, failover, a dropped database); pg emits 'error' on the pool
  // and, with no listener, that would crash the process. The pool already discards the broken client and the next
  // query opens a fresh one, so there is nothing more to do than not crash.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Which dialect a Kysely instance speaks; dialect-specific SQL lives in dialect.ts and branches on this. */
export function dialectOf(db: DbOrTrx): DialectName {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
