import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../src/core/config/config';
import { runDueJobs } from '../src/core/jobs/jobs';
import type { ModuleManifest } from '../src/core/module';
import { jobHandlers, type RunningServer, startServer } from '../src/server';
import { testDialect } from './dialect';
import { HttpClient } from './http-client';
import { createTestDatabase } from './support/postgres';

export { testDialect } from './dialect';

export type TestServer = RunningServer & {
  dataDir: string;
  databaseUrl: string | null;
  /** Runs every due background job now (e-mails…), so tests need not wait for the poller. */
  runJobs: () => Promise<number>;
  /** A fresh HTTP client with its own cookie jar. */
  client: () => HttpClient;
  close: () => Promise<void>;
};

/**
 * Starts a real Gatehouse on 127.0.0.1 with a fresh database of the suite's dialect (SQLite in a temp dir, or a new
 * database in the harness's PostgreSQL cluster) and a temp data dir. Pass `env` to override settings.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    databaseUrl?: string;
    dataDir?: string;
    runJobs?: boolean;
    /** Serve these modules instead of this server's (a test's throwaway module). */
    modules?: readonly ModuleManifest<object>[];
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let databaseUrl = options.databaseUrl ?? null;
  if (!databaseUrl && testDialect === 'postgres') {
    database = await createTestDatabase(inject('pgAdminUrl'));
    databaseUrl = database.url;
  }
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const server = await startServer(config, {
    logger: undefined,
    runJobs: options.runJobs ?? false,
    modules: options.modules,
  });
  config.publicUrl = server.url;
  return {
    ...server,
    dataDir,
    databaseUrl,
    runJobs: () => runDueJobs(server.deps, jobHandlers(server.deps, options.modules)),
    client: () => new HttpClient(server.url),
    async close() {
      await server.stop();
      if (database && !options.databaseUrl) await database.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
