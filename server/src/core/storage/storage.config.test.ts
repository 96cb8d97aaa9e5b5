import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import { createBlobStore } from './create-blob-store';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('storage configuration', () => {
  it('by default files stay on local disk, in clear, and the S3 defaults suit S3-compatible stores', () => {
    const config = loadConfig({});
    expect(config.STORAGE).toBe('local');
    expect(config.ENCRYPTION_MASTER_KEY).toBeUndefined();
    expect(config.S3_REGION).toBe('us-east-1');
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
  });

  it('STORAGE=s3 without a bucket or credentials is refused, listed together with every other problem', () => {
    const problems = problemsOf({ STORAGE: 's3', PORT: 'eighty' }).join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('S3_BUCKET');
    expect(problems).toContain('S3_ACCESS_KEY_ID');
    expect(problems).toContain('S3_SECRET_ACCESS_KEY');
    expect(
      problemsOf({ STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 's' }),
    ).toEqual([]);
  });

  it('a master key that is not 32 bytes of base64 is refused without echoing it', () => {
    const shortKey = randomBytes(16).toString('base64');
    const problems = problemsOf({ ENCRYPTION_MASTER_KEY: shortKey });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('ENCRYPTION_MASTER_KEY');
    expect(problems[0]).not.toContain(shortKey);
    expect(problemsOf({ ENCRYPTION_MASTER_KEY: randomBytes(32).toString('base64') })).toEqual([]);
  });

  it('the store built at start is the one STORAGE names', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-storage-config-'));
    try {
      const local = await createBlobStore(loadConfig({ DATA_DIR: dataDir }));
      expect(local.kind).toBe('local');
      const s3 = await createBlobStore(
        loadConfig({
          STORAGE: 's3',
          S3_ENDPOINT: 'http://127.0.0.1:9',
          S3_BUCKET: 'files',
          S3_ACCESS_KEY_ID: 'id',
          S3_SECRET_ACCESS_KEY: 'secret',
        }),
      );
      expect(s3.kind).toBe('s3');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
