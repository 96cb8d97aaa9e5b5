import { type SqlBool, sql } from 'kysely';
import { type DbOrTrx, dialectOf } from './database';

/**
 * Every difference between SQLite and PostgreSQL lives here, so the rest of the code is written once.
 * Times are ISO-8601 UTC strings and booleans are 0/1 integers in both dialects: one representation throughout.
 */

/**
 * Serializes writers of one logical sequence (e.g. the audit hash chain) for the rest of the transaction.
 * SQLite already runs one writer at a time; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockSequence(trx: DbOrTrx, name: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}

/** Escapes LIKE wildcards in user input; callers add `escape '\'`-free patterns by using this. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether `SELECT … FOR UPDATE SKIP LOCKED` is available (PostgreSQL); SQLite serializes writers instead. */
export function supportsSkipLocked(db: DbOrTrx): boolean {
  return dialectOf(db) === 'postgres';
}

/**
 * Case-insensitive "contains" condition on a text column. SQLite's LIKE has no escape character unless told, so the
 * `escape` clause makes `%` and `_` typed by a person match literally in both dialects.
 */
export function containsText(db: DbOrTrx, column: string, text: string) {
  const operator = dialectOf(db) === 'postgres' ? sql`ilike` : sql`like`;
  return sql<SqlBool>`${sql.ref(column)} ${operator} ${containsPattern(text)} escape '\\'`;
}

/** Whether an error is a unique-constraint violation (a concurrent insert won the race), in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
