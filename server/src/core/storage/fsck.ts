import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../db/database';
import { BlobNotFoundError, type BlobStore } from './blob-store';
import { type BlobRow, eachBlobRow } from './blobs.queries';
import { STALE_TEMPORARY_MS } from './local-blob-store';

export type FsckProblem = {
  kind: 'row_without_blob' | 'blob_without_row' | 'hash_mismatch';
  sha256: string;
  detail: string;
};

export type FsckReport = {
  rows: number;
  blobs: number;
  hashesVerified: boolean;
  problems: FsckProblem[];
  /**
   * Orphans younger than an hour: an upload in flight, or one a crash interrupted before its commit (never
   * acknowledged, so nothing was lost). Not a problem; `--repair` removes them once they are an hour old.
   */
  pending: string[];
  /** Orphan blobs deleted by `repair` (they are also listed in `problems`). */
  removedOrphans: string[];
  removedTemporary: number;
};

/**
 * Compares the `blobs` rows with what the store holds: rows whose blob is gone, blobs without a row (orphans, e.g.
 * a crash between placing the file and committing its row) and, with `verifyHashes`, blobs whose content no longer
 * hashes to their address. `repair` deletes orphans and temporary leftovers older than an hour — younger ones may
 * belong to a put whose row is being committed right now.
 */
export async function checkBlobStore(args: {
  db: DbOrTrx;
  blobs: BlobStore;
  now: Date;
  verifyHashes: boolean;
  repair: boolean;
}): Promise<FsckReport> {
  const { db, blobs } = args;
  const stored = new Set<string>();
  // Listing first, then rows: a put that lands in between shows up as an orphan young enough to be spared,
  // never as a row without its blob.
  for await (const sha256 of blobs.list()) stored.add(sha256);
  const report: FsckReport = {
    rows: 0,
    blobs: stored.size,
    hashesVerified: args.verifyHashes,
    problems: [],
    pending: [],
    removedOrphans: [],
    removedTemporary: 0,
  };
  for await (const row of eachBlobRow(db)) {
    report.rows += 1;
    const present = stored.delete(row.sha256) || (await blobs.stat(row.sha256)) !== null;
    const problem = !present
      ? { kind: 'row_without_blob' as const, sha256: row.sha256, detail: `recorded ${row.createdAt}` }
      : args.verifyHashes
        ? await verifyBlob(blobs, row)
        : null;
    if (problem) report.problems.push(problem);
  }
  const cutoff = new Date(args.now.getTime() - STALE_TEMPORARY_MS);
  for (const sha256 of stored) {
    const info = await blobs.stat(sha256);
    if (!info) continue;
    if (info.modifiedAt >= cutoff) {
      report.pending.push(sha256);
      continue;
    }
    report.problems.push({
      kind: 'blob_without_row',
      sha256,
      detail: `${info.size} bytes, written ${info.modifiedAt.toISOString()}`,
    });
    if (args.repair && info.modifiedAt < cutoff) {
      await blobs.delete(sha256);
      report.removedOrphans.push(sha256);
    }
  }
  if (args.repair) report.removedTemporary = await blobs.sweepTemporary(cutoff);
  return report;
}

/** Re-reads a blob's plaintext and checks it against its address and recorded size. */
async function verifyBlob(blobs: BlobStore, row: BlobRow): Promise<FsckProblem | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of await blobs.get(row.sha256, { wrappedKey: row.wrappedKey })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if (error instanceof BlobNotFoundError) {
      return { kind: 'row_without_blob', sha256: row.sha256, detail: `recorded ${row.createdAt}` };
    }
    return { kind: 'hash_mismatch', sha256: row.sha256, detail: `cannot be read: ${(error as Error).message}` };
  }
  const actual = hash.digest('hex');
  if (actual !== row.sha256) {
    return { kind: 'hash_mismatch', sha256: row.sha256, detail: `content hashes to ${actual} (${size} bytes)` };
  }
  if (size !== row.size) {
    return { kind: 'hash_mismatch', sha256: row.sha256, detail: `${size} bytes, the row says ${row.size}` };
  }
  return null;
}

/**
 * What `gatehouse fsck` prints and its exit code: 0 when consistent (orphans removed by --repair count as fixed),
 * 4 when problems remain, each on its own line.
 */
export function summarizeFsck(report: FsckReport): { out: string[]; err: string[]; code: 0 | 4 } {
  const checked = `${report.rows} rows, ${report.blobs} blobs${report.hashesVerified ? ', hashes verified' : ''}`;
  const out = report.removedOrphans.map((sha256) => `Removed orphan blob ${sha256}`);
  if (report.removedTemporary > 0) out.push(`Removed ${report.removedTemporary} leftover temporary file(s)`);
  if (report.pending.length > 0) {
    out.push(
      `${report.pending.length} recent blob(s) without a row: uploads in flight or interrupted (never acknowledged); --repair removes them after an hour`,
    );
  }
  const removed = new Set(report.removedOrphans);
  const remaining = report.problems.filter((problem) => !removed.has(problem.sha256));
  if (remaining.length === 0) return { out: [...out, `File store consistent: ${checked}.`], err: [], code: 0 };
  const err = [`File store has ${remaining.length} problem(s) (${checked}):`, ...remaining.map(describeProblem)];
  return { out, err, code: 4 };
}

function describeProblem(problem: FsckProblem): string {
  const label = {
    row_without_blob: 'row without blob',
    blob_without_row: 'blob without row',
    hash_mismatch: 'hash mismatch',
  }[problem.kind];
  return `  ${label}: ${problem.sha256} (${problem.detail})`;
}
