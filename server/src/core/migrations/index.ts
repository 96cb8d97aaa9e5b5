import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { type Db, dialectOf } from '../db/database';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-blobs';
import * as m0003 from './0003-documents';
import * as m0004 from './0004-search';
import * as m0005 from './0005-shares';
import * as m0006 from './0006-webdav';
import * as m0007 from './0007-thumbnails';
import * as m0008 from './0008-space-usage';
import * as m0009 from './0009-checked-out-index';
import * as m0010 from './0010-listing-stamps';

type Step = { up: (db: never, dialect: 'sqlite' | 'postgres') => Promise<void> };

/** Ordered registry: add a line per new migration file. Names sort in the order they must run. */
export const migrations: Record<string, Step> = {
  '0001-foundation': m0001 as Step,
  '0002-blobs': m0002 as Step,
  '0003-documents': m0003 as Step,
  '0004-search': m0004 as Step,
  '0005-shares': m0005 as Step,
  '0006-webdav': m0006 as Step,
  '0007-thumbnails': m0007 as Step,
  '0008-space-usage': m0008 as Step,
  '0009-checked-out-index': m0009 as Step,
  '0010-listing-stamps': m0010 as Step,
};

function provider(db: Db): MigrationProvider {
  const dialect = dialectOf(db);
  return {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(migrations)) {
        result[name] = { up: (migrationDb) => step.up(migrationDb as never, dialect) };
      }
      return result;
    },
  };
}

/** Runs every pending migration; throws with the failing step's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: provider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

export function migrationNames(): string[] {
  return Object.keys(migrations);
}
