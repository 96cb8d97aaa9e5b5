import { join } from 'node:path';
import { openDatabase } from '../server/src/core/db/database';
import { newId } from '../server/src/core/ids';
import { indexDocument } from '../server/src/core/search/search';
import { httpRequest } from './support';

/**
 * Fills the running server's SQLite database with `documents` indexed documents (rows written directly — uploading
 * 100,000 files through HTTP would measure the upload path, not search), then times searches through the real API.
 */
const WORDS = (
  'invoice contract delivery quality audit budget forecast supplier customer order shipment warehouse pallet ' +
  'insurance certificate statute minutes board meeting agenda drawing specification tender proposal price list ' +
  'catalogue warranty claim return credit note payment reminder schedule project milestone risk report'
).split(' ');

function sentence(seed: number, length: number): string {
  let state = seed;
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    words.push(WORDS[state % WORDS.length]);
  }
  return words.join(' ');
}

export async function seedSearchCorpus(input: {
  base: string;
  auth: Record<string, string>;
  spaceId: string;
  dataDir: string;
  documents: number;
}): Promise<number[]> {
  const db = openDatabase({ dialect: 'sqlite', file: join(input.dataDir, 'gatehouse.db') });
  try {
    const now = new Date().toISOString();
    const batch = 1000;
    for (let start = 0; start < input.documents; start += batch) {
      await db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(start + batch, input.documents); i += 1) {
          const id = newId();
          const name = `${sentence(i, 2)} ${i}.pdf`;
          await trx
            .insertInto('documents')
            .values({
              id,
              space_id: input.spaceId,
              folder_id: null,
              name,
              name_key: name.toLowerCase(),
              current_version_id: null,
              version: 0,
              size: 0,
              mime_type: 'application/pdf',
              description: '',
              tags: '[]',
              created_by: null,
              updated_by: null,
              created_at: now,
              updated_at: now,
              trashed_at: null,
              trashed_by: null,
              trash_root_id: null,
              lock_user_id: null,
              lock_expires_at: null,
            })
            .execute();
          await indexDocument(trx, {
            documentId: id,
            versionId: null,
            name,
            text: sentence(i * 7 + 1, 120),
            tags: [],
            description: '',
            updatedAt: now,
            indexedAt: now,
          });
        }
      });
    }
  } finally {
    await db.destroy();
  }
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const query = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length].slice(0, 4)}`;
    const started = performance.now();
    const response = await httpRequest(`${input.base}/api/v1/search?q=${encodeURIComponent(query)}&limit=20`, {
      method: 'GET',
      headers: input.auth,
    });
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`search failed: ${response.status} ${response.body}`);
  }
  return times;
}
