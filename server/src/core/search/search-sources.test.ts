import { describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/harness';
import { modules } from '../../modules';
import { defineModule } from '../module';
import {
  indexEntry,
  inVisibleSpace,
  type SearchSource,
  type SpaceScope,
  searchEverything,
  searchSourcesOf,
} from './search';
import { plantSpace, useSearchDatabase } from './search.test-helpers';

const holder = useSearchDatabase();

/** A module that exists only in this test: one manifest, one source, no other edit anywhere. */
const memoSource: SearchSource = { kind: 'memo', visible: inVisibleSpace };
const memosModule = defineModule({ name: 'memos', tables: {}, searchSources: [memoSource] });

async function plantMemo(spaceId: string, id: string, title: string, body: string) {
  await indexEntry(holder.db, {
    kind: 'memo',
    entityId: id,
    spaceId,
    folderId: null,
    title,
    body,
    updatedAt: '2024-03-01T10:00:00.000Z',
  });
}

describe(`search sources declared by modules on ${testDialect}`, () => {
  it('the server declares documents, folders and spaces, each kind once', () => {
    expect(
      searchSourcesOf(modules)
        .map((source) => source.kind)
        .sort(),
    ).toEqual(['document', 'folder', 'space']);
    expect(() => searchSourcesOf([memosModule, { ...memosModule, name: 'again' }])).toThrow(/memo is declared twice/);
  });

  it('a throwaway module declaring a source makes its entries searchable, within the spaces the searcher may read', async () => {
    const mine = await plantSpace(holder.db);
    const theirs = await plantSpace(holder.db);
    await plantMemo(mine, 'memo-1', 'Meeting memo', 'The <b>quokka</b> budget & the plan');
    await plantMemo(theirs, 'memo-2', 'Their memo', 'Quokka numbers nobody else may read');
    const query = {
      query: 'quokka',
      searcher: {
        db: holder.db,
        actor: { kind: 'system', label: 'test' } as const,
        nowIso: new Date().toISOString(),
        spaces: ((eb) => eb('spaces.id', '=', mine)) satisfies SpaceScope,
      },
      filters: {},
      limit: 10,
    };
    expect(await searchEverything({ ...query, sources: searchSourcesOf(modules) })).toEqual([]);
    const results = await searchEverything({ ...query, sources: searchSourcesOf([...modules, memosModule]) });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'memo', id: 'memo-1', title: 'Meeting memo', space: { id: mine } });
    expect(results[0].snippet).toContain('&lt;b&gt;<mark>quokka</mark>&lt;/b&gt; budget &amp; the plan');
  });
});
