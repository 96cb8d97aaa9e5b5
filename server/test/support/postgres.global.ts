/**
 * Vitest globalSetup for the `server-postgres` project: one throwaway
 * PostgreSQL 15 cluster for the whole run. Tests read its admin URL with
 * `inject('pgAdminUrl')` and create their own database via createTestDatabase().
 */
import type { TestProject } from 'vitest/node';
import { type PostgresCluster, startPostgresCluster, stopPostgresCluster } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let cluster: PostgresCluster | undefined;
let exitHook: (() => void) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  cluster = await startPostgresCluster();
  // Last-resort cleanup if the runner dies without calling teardown.
  const c = cluster;
  exitHook = () => {
    void stopPostgresCluster(c);
  };
  process.once('exit', exitHook);
  project.provide('pgAdminUrl', cluster.adminUrl);
  console.log(`[postgres] cluster up on port ${cluster.port} in ${Date.now() - started} ms`);
}

export async function teardown(): Promise<void> {
  if (exitHook) process.off('exit', exitHook);
  await stopPostgresCluster(cluster);
  cluster = undefined;
}
