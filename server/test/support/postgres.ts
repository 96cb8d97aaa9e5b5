/**
 * Throwaway PostgreSQL 15 clusters for tests.
 *
 * `initdb` refuses to run as root, so when we are root the data directory is
 * handed to the `postgres` system user and the binaries run under its uid/gid.
 */
import { execFileSync, type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_BIN_DIR = process.env.GATEHOUSE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** Admin connection URL (superuser `postgres`, trust auth, database `postgres`). */
  adminUrl: string;
  port: number;
  dataDir: string;
  socketDir: string;
  /** Root temp directory (contains dataDir, socketDir and the server log). */
  baseDir: string;
  logFile: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

function resolveRunAs(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('Running as root but the `postgres` system user does not exist (apt-get install postgresql-15)');
  }
  return { uid, gid };
}

function run(bin: string, args: string[], runAs: RunAs | undefined, what: string): string {
  const opts: SpawnSyncOptions = {
    encoding: 'utf8',
    // LC_ALL=C: the cluster must not depend on the host's locale settings.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C', TZ: 'UTC' },
    timeout: 60_000,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid, cwd: '/tmp' } : {}),
  };
  const res = spawnSync(join(PG_BIN_DIR, bin), args, opts);
  const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  if (res.error) throw new Error(`${what} failed: ${res.error.message}\n${out}`);
  if (res.status !== 0) throw new Error(`${what} exited with ${res.status ?? res.signal}\n${out}`);
  return out;
}

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Initialise and start a fresh cluster on a free loopback port. ~1.5 s. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync(join(PG_BIN_DIR, 'initdb'))) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN_DIR} (apt-get install -y postgresql-15)`);
  }
  const runAs = resolveRunAs();
  const baseDir = mkdtempSync(join(tmpdir(), 'gatehouse-pg-'));
  const dataDir = join(baseDir, 'data');
  const socketDir = baseDir;
  const logFile = join(baseDir, 'server.log');
  chmodSync(baseDir, 0o700);
  if (runAs) chownSync(baseDir, runAs.uid, runAs.gid);

  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], runAs, 'initdb');
    // A port can be stolen between probing and binding: retry a few times.
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await getFreePort();
      try {
        run(
          'pg_ctl',
          [
            '-D',
            dataDir,
            '-l',
            logFile,
            '-o',
            `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
            '-w',
            '-t',
            '30',
            'start',
          ],
          runAs,
          'pg_ctl start',
        );
        return {
          adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
          port,
          dataDir,
          socketDir,
          baseDir,
          logFile,
        };
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  } catch (err) {
    try {
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], runAs, 'pg_ctl stop');
      }
    } catch {
      // best effort
    }
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
    rmSync(baseDir, { recursive: true, force: true });
    if (log && err instanceof Error) err.message += `\n--- server log ---\n${log}`;
    throw err;
  }
}

/** Stop the cluster (immediate mode) and delete its files. Never throws. */
export async function stopPostgresCluster(cluster: PostgresCluster | undefined): Promise<void> {
  if (!cluster) return;
  try {
    if (existsSync(join(cluster.dataDir, 'postmaster.pid'))) {
      run(
        'pg_ctl',
        ['-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'],
        resolveRunAs(),
        'pg_ctl stop',
      );
    }
  } catch (err) {
    console.error(`[postgres] failed to stop cluster in ${cluster.dataDir}:`, err);
  } finally {
    rmSync(cluster.baseDir, { recursive: true, force: true });
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Create a uniquely named, empty database in the cluster behind `adminUrl`. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `gh_test_${process.pid}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
