import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import { testDialect } from '../../../test/dialect';
import { migrateToLatest } from '../migrations';
import { eachBlobRow, getBlobRow, recordBlob } from './blobs.queries';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const sha = (digit: string) => digit.repeat(64);

describe(`blob rows (${testDialect})`, () => {
  it('recording identical content twice keeps the first row, whose key opens the stored bytes', async () => {
    const database = await openTestDatabase();
    close = database.close;
    await migrateToLatest(database.db);
    const first = { sha256: sha('a'), size: 5_000_000_000, wrappedKey: 'first-key', storage: 'local' as const };
    const row = await database.db
      .transaction()
      .execute((trx) => recordBlob(trx, { ...first, createdAt: '2030-01-01T00:00:00.000Z' }));
    expect(row).toEqual({ ...first, createdAt: '2030-01-01T00:00:00.000Z' });
    const again = await recordBlob(database.db, {
      ...first,
      wrappedKey: 'second-key',
      createdAt: '2030-01-02T00:00:00.000Z',
    });
    expect(again.wrappedKey).toBe('first-key');
    expect((await getBlobRow(database.db, sha('a')))?.size).toBe(5_000_000_000);
    expect(await getBlobRow(database.db, sha('b'))).toBeNull();
  });

  it('every row is visited once when paging through them in hash order', async () => {
    const database = await openTestDatabase();
    close = database.close;
    await migrateToLatest(database.db);
    const hashes = ['3', '1', 'f', '7', 'c'].map(sha);
    for (const sha256 of hashes) {
      await recordBlob(database.db, {
        sha256,
        size: 1,
        wrappedKey: null,
        storage: 's3',
        createdAt: '2030-01-01T00:00:00.000Z',
      });
    }
    const seen: string[] = [];
    for await (const row of eachBlobRow(database.db, 2)) seen.push(row.sha256);
    expect(seen).toEqual([...hashes].sort());
  });
});
