import { join } from 'node:path';
import { type Clock, systemClock } from './clock';
import { type Config, resolveSecretKey } from './config/config';
import type { Deps } from './context';
import { type Db, openDatabase } from './db/database';
import { createLogger, type Logger } from './logger';
import { migrateToLatest } from './migrations';
import type { ModuleManifest } from './module';
import { createBlobStore } from './storage/create-blob-store';

/** Opens the configured database and runs pending migrations: the first step of every command. */
async function openConfiguredDatabase(config: Config, manifests?: readonly ModuleManifest<object>[]): Promise<Db> {
  const db = config.DATABASE_URL
    ? openDatabase({ dialect: 'postgres', url: config.DATABASE_URL })
    : openDatabase({ dialect: 'sqlite', file: join(config.dataDir, 'gatehouse.db') });
  await migrateToLatest(db, manifests);
  return db;
}

export async function createDeps(
  config: Config,
  options: { clock?: Clock; logger?: Logger; db?: Db; modules?: readonly ModuleManifest<object>[] } = {},
): Promise<Deps> {
  config.secretKey = resolveSecretKey(config);
  const db = options.db ?? (await openConfiguredDatabase(config, options.modules));
  return {
    db,
    config,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    blobs: await createBlobStore(config),
    wakeJobs: () => {},
  };
}
