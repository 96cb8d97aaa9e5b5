import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import { testDialect } from '../../../test/dialect';
import { migrateToLatest } from '../migrations';
import { deleteBlobRow, recordBlob } from './blobs.queries';
import { checkBlobStore, summarizeFsck } from './fsck';
import { createLocalBlobStore } from './local-blob-store';
import { streamOf } from './storage.test-support';

const bin = fileURLToPath(new URL('../../../bin/gatehouse.mjs', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A migrated database and a local store in the data dir the CLI would use for it. */
async function setup(masterKey: Buffer | null = null) {
  const database = await openTestDatabase();
  cleanups.push(database.close);
  await migrateToLatest(database.db);
  const dataDir = database.file ? dirname(database.file) : mkdtempSync(join(tmpdir(), 'gatehouse-fsck-'));
  if (!database.file) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const root = join(dataDir, 'blobs');
  const blobs = await createLocalBlobStore({ root, masterKey });
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const stored = async (text: string, recorded = true) => {
    const put = await blobs.put(streamOf(Buffer.from(text)));
    if (recorded) await recordBlob(database.db, { ...put, storage: 'local', createdAt: new Date().toISOString() });
    return put.sha256;
  };
  return { ...database, dataDir, blobs, pathOf, stored };
}

function gatehouseFsck(env: { dataDir: string; url: string | null }, args: string[] = []) {
  const result = spawnSync(process.execPath, [bin, 'fsck', ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      DATA_DIR: env.dataDir,
      LOG_LEVEL: 'silent',
      SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
      ...(env.url ? { DATABASE_URL: env.url } : {}),
    },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`gatehouse fsck (${testDialect})`, () => {
  it('finds a row whose blob is gone, a blob without a row and a blob whose content no longer matches its hash', async () => {
    const { db, blobs, pathOf, stored } = await setup();
    await stored('intact annual report');
    const missing = await stored('a file someone deleted by hand');
    await blobs.delete(missing);
    const orphan = await stored('uploaded, then the server crashed before the commit', false);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(pathOf(orphan), twoHoursAgo, twoHoursAgo);
    const corrupt = await stored('a file the disk damaged');
    writeFileSync(pathOf(corrupt), 'a file the disk DAMAGED');

    const report = await checkBlobStore({ db, blobs, now: new Date(), verifyHashes: true, repair: false });
    expect(report.rows).toBe(3);
    expect(report.blobs).toBe(3);
    expect(report.problems.map(({ kind, sha256 }) => ({ kind, sha256 }))).toEqual(
      expect.arrayContaining([
        { kind: 'row_without_blob', sha256: missing },
        { kind: 'blob_without_row', sha256: orphan },
        { kind: 'hash_mismatch', sha256: corrupt },
      ]),
    );
    expect(report.problems).toHaveLength(3);
    const quick = await checkBlobStore({ db, blobs, now: new Date(), verifyHashes: false, repair: false });
    expect(quick.problems.map((problem) => problem.kind).sort()).toEqual(['blob_without_row', 'row_without_blob']);
  });

  it('an encrypted blob whose stored bytes were altered is reported as unreadable', async () => {
    const { db, blobs, pathOf, stored } = await setup(randomBytes(32));
    const sha256 = await stored('board minutes, encrypted at rest');
    const bytes = readFileSync(pathOf(sha256));
    bytes[bytes.length - 20] ^= 0xff;
    writeFileSync(pathOf(sha256), bytes);
    const report = await checkBlobStore({ db, blobs, now: new Date(), verifyHashes: true, repair: false });
    expect(report.problems).toEqual([
      { kind: 'hash_mismatch', sha256, detail: expect.stringContaining('failed authentication') },
    ]);
  });

  it('--repair removes orphans older than an hour and spares younger ones, which may be mid-commit', async () => {
    const { db, blobs, pathOf, stored } = await setup();
    const old = await stored('left behind by yesterday’s crash', false);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(pathOf(old), twoHoursAgo, twoHoursAgo);
    const young = await stored('its row is being committed right now', false);
    const report = await checkBlobStore({ db, blobs, now: new Date(), verifyHashes: true, repair: true });
    expect(report.removedOrphans).toEqual([old]);
    expect(await blobs.stat(old)).toBeNull();
    expect(await blobs.stat(young)).not.toBeNull();
    expect(report.pending).toEqual([young]);
    const summary = summarizeFsck(report);
    expect(summary.code).toBe(0);
    expect(summary.out.join('\n')).toContain('1 recent blob(s) without a row');
    expect(summary.err).toEqual([]);
  });

  it('the CLI exits 4 naming each problem, and 0 once the store is consistent again', async () => {
    const { db, url, dataDir, blobs, pathOf, stored } = await setup();
    await stored('a healthy price list');
    const missing = await stored('a lost delivery note');
    await blobs.delete(missing);
    const orphan = await stored('an upload that never got its row', false);
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    utimesSync(pathOf(orphan), yesterday, yesterday);
    const corrupt = await stored('a rotten drawing');
    writeFileSync(pathOf(corrupt), 'a rotten drawinG');

    const broken = gatehouseFsck({ dataDir, url });
    expect(broken.code).toBe(4);
    expect(broken.stderr).toContain(`row without blob: ${missing}`);
    expect(broken.stderr).toContain(`blob without row: ${orphan}`);
    expect(broken.stderr).toContain(`hash mismatch: ${corrupt}`);

    await deleteBlobRow(db, missing);
    await deleteBlobRow(db, corrupt);
    await blobs.delete(corrupt);
    await blobs.delete(orphan);
    const clean = gatehouseFsck({ dataDir, url });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('File store consistent: 1 rows, 1 blobs, hashes verified.');
  });
});
