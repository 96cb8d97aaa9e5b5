import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { modules } from '../../modules';
import { type Db, dialectOf } from '../db/database';
import type { MigrationStep, ModuleManifest } from '../module';

/**
 * Every migration of the given modules, in the order they run. Names are global (`NNNN-what`) and sort in run order
 * across modules; two modules claiming one name is an error, not a silent overwrite.
 */
export function collectMigrations(
  manifests: readonly ModuleManifest<object>[] = modules,
): Record<string, MigrationStep> {
  const all: Record<string, MigrationStep> = {};
  for (const manifest of manifests) {
    for (const [name, step] of Object.entries(manifest.migrations ?? {})) {
      if (all[name]) throw new Error(`Migration ${name} is declared twice (again by ${manifest.name})`);
      all[name] = step;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function provider(db: Db, manifests: readonly ModuleManifest<object>[]): MigrationProvider {
  const dialect = dialectOf(db);
  return {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(collectMigrations(manifests))) {
        result[name] = { up: (migrationDb) => step.up(migrationDb as never, dialect) };
      }
      return result;
    },
  };
}

/** Runs every pending migration of the modules (all of this server's by default); throws with the failing step's name. */
export async function migrateToLatest(
  db: Db,
  manifests: readonly ModuleManifest<object>[] = modules,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: provider(db, manifests) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

export function migrationNames(manifests: readonly ModuleManifest<object>[] = modules): string[] {
  return Object.keys(collectMigrations(manifests));
}
