import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/dialect';
import type { Database } from '../db/schema';
import { indexDocument, removeDocument, type SearchFilters, type SpaceScope, searchDocuments } from './search';
import { plantIndexedDocument, plantSpace, useSearchDatabase } from './search.test-helpers';

const database = useSearchDatabase();
const everywhere = () => sql<SqlBool>`1 = 1`;
const only = (spaceIds: string[]) => (eb: ExpressionBuilder<Database, 'spaces'>) => eb('spaces.id', 'in', spaceIds);

let spaceA: string;
let spaceB: string;
const ids: Record<string, string> = {};

async function find(query: string, filters: SearchFilters = {}, scope: SpaceScope = only([spaceA, spaceB])) {
  return searchDocuments(database.db, { query, scope, filters, limit: 20 });
}
const names = async (query: string, filters?: SearchFilters) => (await find(query, filters)).map((hit) => hit.name);

beforeAll(async () => {
  const db = database.db;
  spaceA = await plantSpace(db, 'Alpha');
  spaceB = await plantSpace(db, 'Beta');
  const plant = async (key: string, input: Parameters<typeof plantIndexedDocument>[1]) => {
    ids[key] = await plantIndexedDocument(db, input);
  };
  await plant('nameMatch', { spaceId: spaceA, name: 'Zeppelin plans.txt', text: 'nothing to see here' });
  await plant('bodyMatch', {
    spaceId: spaceA,
    name: 'Notes.txt',
    text: 'the zeppelin flew over the zeppelin hangar, a zeppelin again',
  });
  await plant('hostile', {
    spaceId: spaceA,
    name: 'Page.html',
    mimeType: 'text/html',
    text: 'Before <script>alert("x")</script> & the cassowary escaped <b>bold</b>',
  });
  await plant('accent', { spaceId: spaceB, name: 'Facturé mars.pdf', mimeType: 'application/pdf', text: 'Montant dû' });
  await plant('accentBody', { spaceId: spaceB, name: 'Relevé.txt', text: 'Une FACTURÉE détaillée, réglée en été' });
  await plant('invoice', {
    spaceId: spaceA,
    name: 'Q1.pdf',
    mimeType: 'application/pdf',
    text: 'Hello quarterly invoice for the harbour',
    tags: ['Finance', 'Q1'],
    description: 'The approved one',
    updatedAt: '2024-01-15T09:00:00.000Z',
  });
  await plant('invoiceImage', {
    spaceId: spaceB,
    name: 'invoice scan.png',
    mimeType: 'image/png',
    tags: ['finance'],
    updatedAt: '2024-02-20T09:00:00.000Z',
  });
  await plant('trashed', { spaceId: spaceA, name: 'Secret invoice.txt', text: 'platypus', trashed: true });
  await plant('elsewhere', { spaceId: await plantSpace(db), name: 'Other platypus invoice.txt' });
});

describe(`search on ${testDialect}`, () => {
  it('a match in the name ranks above matches in the body', async () => {
    const hits = await find('zeppelin');
    expect(hits.map((hit) => hit.documentId)).toEqual([ids.nameMatch, ids.bodyMatch]);
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
  });

  it('snippets are escaped HTML whose only markup is <mark> around the matches', async () => {
    const [hit] = await find('cassowary');
    expect(hit.snippet).toContain('<mark>cassowary</mark>');
    expect(hit.snippet).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(hit.snippet).toContain('&amp;');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('a search for "script" highlights the word without ever unescaping the tag', async () => {
    const [hit] = await find('script');
    expect(hit.documentId).toBe(ids.hostile);
    expect(hit.snippet).toContain('&lt;<mark>script</mark>&gt;');
  });

  it('accents and case do not matter, and the snippet keeps the original spelling', async () => {
    expect(await names('facture')).toContain('Facturé mars.pdf');
    expect(await names('FACTURE')).toContain('Facturé mars.pdf');
    expect(await names('releve')).toEqual(['Relevé.txt']);
    const [hit] = await find('facturee');
    expect(hit.name).toBe('Relevé.txt');
    expect(hit.snippet).toContain('<mark>FACTURÉE</mark>');
  });

  it('the last word is a prefix, so results come while typing', async () => {
    expect(await names('invo')).toEqual(expect.arrayContaining(['Q1.pdf', 'invoice scan.png']));
    expect(await names('quarterly invo')).toEqual(['Q1.pdf']);
    expect(await names('invo quarterly')).toEqual([]);
  });

  it('tags and description are searchable', async () => {
    expect(await names('approved')).toEqual(['Q1.pdf']);
    expect((await names('finance')).sort()).toEqual(['Q1.pdf', 'invoice scan.png']);
  });

  it('hostile or odd queries never fail: punctuation alone finds nothing, operators are plain words', async () => {
    const odd = [
      '"',
      '*',
      ')(',
      'AND OR NOT',
      'NEAR(a b)',
      '"invoice',
      "invoice'",
      'in*voice',
      '\\',
      '-invoice',
      'a:b',
    ];
    for (const query of [...odd, '\u0301', '{', 'col:invoice', '^invoice', 'x'.repeat(200), '😀 invoice', '<mark>']) {
      await expect(find(query), query).resolves.toBeInstanceOf(Array);
    }
    expect(await find('")(*')).toEqual([]);
    expect(await names('invoice OR zeppelin')).toEqual([]);
  });

  it('filters narrow by space, type family, date range and tag', async () => {
    expect(await names('invoice', { spaceId: spaceB })).toEqual(['invoice scan.png']);
    expect(await names('invoice', { type: 'pdf' })).toEqual(['Q1.pdf']);
    expect(await names('invoice', { type: 'image' })).toEqual(['invoice scan.png']);
    expect(await names('invoice', { type: 'office' })).toEqual([]);
    expect(await names('invoice', { from: '2024-02-01T00:00:00.000Z' })).toEqual(['invoice scan.png']);
    expect(await names('invoice', { to: '2024-01-31T23:59:59.999Z' })).toEqual(['Q1.pdf']);
    expect(await names('invoice', { tag: 'FINANCE' })).toEqual(expect.arrayContaining(['Q1.pdf', 'invoice scan.png']));
    expect(await names('invoice', { tag: 'q1' })).toEqual(['Q1.pdf']);
    expect(await names('invoice', { tag: 'fin' })).toEqual([]);
  });

  it('results come only from the spaces in scope', async () => {
    expect(await names('platypus')).toEqual([]);
    expect(await find('platypus', {}, everywhere)).toHaveLength(1);
    expect((await find('invoice', {}, only([spaceB]))).map((hit) => hit.spaceName)).toEqual(['Beta']);
  });

  it('a trashed document is never found, even while its index entry remains', async () => {
    const entry = await database.db
      .selectFrom('search_documents')
      .select('document_id')
      .where('document_id', '=', ids.trashed)
      .executeTakeFirst();
    expect(entry).toBeDefined();
    expect(await find('platypus', {}, everywhere)).toHaveLength(1);
    expect((await find('secret', {}, everywhere)).map((hit) => hit.documentId)).toEqual([]);
  });

  it('an entry built before the document changed is not written; a removed entry is no longer found', async () => {
    const id = await plantIndexedDocument(database.db, { spaceId: spaceA, name: 'Walrus.txt', text: 'tusks' });
    const written = await database.db.transaction().execute((trx) =>
      indexDocument(trx, {
        documentId: id,
        versionId: null,
        name: 'Stale name.txt',
        text: 'stale',
        tags: [],
        description: '',
        updatedAt: '2020-01-01T00:00:00.000Z',
        indexedAt: '2024-03-01T10:00:00.000Z',
      }),
    );
    expect(written).toBe(false);
    expect(await names('walrus tusks')).toEqual(['Walrus.txt']);
    await removeDocument(database.db, id);
    expect(await names('walrus')).toEqual([]);
  });

  it('deleting a document deletes its entry with it', async () => {
    const id = await plantIndexedDocument(database.db, { spaceId: spaceA, name: 'Narwhal.txt', text: 'horn' });
    await database.db.deleteFrom('documents').where('id', '=', id).execute();
    const left = await database.db.selectFrom('search_documents').select('document_id').where('document_id', '=', id);
    expect(await left.execute()).toEqual([]);
    expect(await find('narwhal horn', {}, everywhere)).toEqual([]);
    if (testDialect === 'sqlite') {
      // The FTS5 index must have followed the cascade (its delete trigger ran): rank 1 checks it against the rows.
      await expect(
        sql`insert into search_fts (search_fts, rank) values ('integrity-check', 1)`.execute(database.db),
      ).resolves.toBeDefined();
    }
  });

  it('a very large text of distinct words is indexed as far as the engine allows instead of failing', async () => {
    let seed = 7;
    const words = ['aardvark'];
    for (let length = 0; length < 1_200_000; length += 8) {
      seed = (seed * 48_271) % 2_147_483_647;
      words.push(`w${seed.toString(36)}`);
    }
    const id = await plantIndexedDocument(database.db, { spaceId: spaceA, name: 'Big.txt', text: words.join(' ') });
    expect((await find('aardvark')).map((hit) => hit.documentId)).toEqual([id]);
    expect((await find(words[1000])).map((hit) => hit.documentId)).toEqual([id]);
  });
});
