import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import type { Db } from '../db/database';
import { newId } from '../ids';
import { migrateToLatest } from '../migrations';
import { indexDocument } from './search';

/** A migrated database of the suite's dialect for the whole file. */
export function useSearchDatabase() {
  const holder = { db: null as unknown as Db };
  let close: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const database = await openTestDatabase();
    close = database.close;
    holder.db = database.db;
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await close?.();
  });
  return holder;
}

const stamp = '2024-03-01T10:00:00.000Z';

export async function plantSpace(db: Db, name = `Space ${newId().slice(-6)}`) {
  const id = newId();
  await db
    .insertInto('spaces')
    .values({
      id,
      name,
      slug: `space-${id}`,
      kind: 'project',
      description: '',
      status: 'active',
      created_by: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return id;
}

type PlantedDocument = {
  spaceId: string;
  name: string;
  text?: string;
  mimeType?: string;
  tags?: string[];
  description?: string;
  updatedAt?: string;
  trashed?: boolean;
};

/**
 * A document row (no version, no bytes: below the documents module) indexed with the given text, the way the
 * indexing job does it.
 */
export async function plantIndexedDocument(db: Db, input: PlantedDocument): Promise<string> {
  const id = newId();
  const updatedAt = input.updatedAt ?? stamp;
  await db
    .insertInto('documents')
    .values({
      id,
      space_id: input.spaceId,
      folder_id: null,
      name: input.name,
      name_key: `${input.name.toLowerCase()}-${id}`,
      current_version_id: null,
      version: 1,
      size: (input.text ?? '').length,
      mime_type: input.mimeType ?? 'text/plain',
      description: input.description ?? '',
      tags: JSON.stringify(input.tags ?? []),
      created_by: null,
      updated_by: null,
      created_at: updatedAt,
      updated_at: updatedAt,
      trashed_at: null,
      trashed_by: null,
      trash_root_id: null,
      lock_user_id: null,
      lock_expires_at: null,
    })
    .execute();
  await db.transaction().execute((trx) =>
    indexDocument(trx, {
      documentId: id,
      versionId: null,
      name: input.name,
      text: input.text ?? '',
      tags: input.tags ?? [],
      description: input.description ?? '',
      updatedAt,
      indexedAt: stamp,
    }),
  );
  if (input.trashed) await db.updateTable('documents').set({ trashed_at: stamp }).where('id', '=', id).execute();
  return id;
}
