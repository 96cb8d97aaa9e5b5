import { join } from 'node:path';
import { openDatabase } from '../server/src/core/db/database';
import { newId } from '../server/src/core/ids';
import { indexDocument } from '../server/src/core/search/search';
import { httpRequest } from './support';

/**
 * Fills the running server's SQLite database with `documents` indexed documents (rows written directly — uploading
 * 100,000 files through HTTP would measure the upload path, not search), then times searches through the real API.
 *
 * Words follow Zipf's law over a 20,000-word vocabulary, as words do in real text: the business words below are the
 * most frequent, then made-up words of two to four syllables. Typical searches are two words of middling frequency,
 * the last one typed half-way (a prefix). The worst case — two of the most frequent words, found in nearly every
 * document — is timed apart: ranking all 100,000 documents by relevance is what it costs.
 */
const BUSINESS = (
  'invoice contract delivery quality audit budget forecast supplier customer order shipment warehouse pallet ' +
  'insurance certificate statute minutes board meeting agenda drawing specification tender proposal price list ' +
  'catalogue warranty claim return credit note payment reminder schedule project milestone risk report'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gi ho ju ke la mo ni pe qu re si to vu wa xe yo zu'.split(' ');
const VOCABULARY_SIZE = 20_000;

function madeUpWord(index: number): string {
  let word = '';
  let rest = index;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || word.length < 4);
  return word;
}

const VOCABULARY = [...BUSINESS, ...Array.from({ length: VOCABULARY_SIZE - BUSINESS.length }, (_, i) => madeUpWord(i))];
/** Cumulative Zipf weights (rank r has weight 1/r), for sampling a word by rank. */
const CUMULATIVE = (() => {
  let total = 0;
  return VOCABULARY.map((_, rank) => {
    total += 1 / (rank + 1);
    return total;
  });
})();

function zipfWord(random: number): string {
  const target = random * CUMULATIVE[CUMULATIVE.length - 1];
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle] < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low];
}

function sentence(seed: number, length: number): string {
  let state = seed;
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    words.push(zipfWord(state / 2 ** 31));
  }
  return words.join(' ');
}

/** Two words of ranks 200 to 5,000 (neither rare nor everywhere), the second cut to its first four letters. */
function typicalQuery(i: number): string {
  const first = VOCABULARY[200 + ((i * 7_919) % 4_800)];
  const second = VOCABULARY[200 + ((i * 104_729 + 17) % 4_800)];
  return `${first} ${second.slice(0, 4)}`;
}

/** Two of the ten most frequent words: they are in nearly every document. */
function worstQuery(i: number): string {
  return `${VOCABULARY[i % 10]} ${VOCABULARY[(i * 3 + 1) % 10].slice(0, 4)}`;
}

export async function seedSearchCorpus(input: {
  base: string;
  auth: Record<string, string>;
  spaceId: string;
  dataDir: string;
  documents: number;
}) {
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
  const timeQueries = async (queryOf: (i: number) => string, count: number) => {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const response = await httpRequest(`${input.base}/api/v1/search?q=${encodeURIComponent(queryOf(i))}&limit=20`, {
        method: 'GET',
        headers: input.auth,
      });
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`search failed: ${response.status} ${response.body}`);
      hits += JSON.parse(response.body).results.length;
    }
    return { times, hitsPerQuery: hits / count };
  };
  await timeQueries(typicalQuery, 5);
  return { typical: await timeQueries(typicalQuery, 200), worst: await timeQueries(worstQuery, 20) };
}
