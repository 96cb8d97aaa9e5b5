import type { SearchResult } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { readSearchFilters, resultHref, searchHref } from './search-params';
import { snippetParts } from './snippet';

const hit = (over: Partial<SearchResult>): SearchResult => ({
  kind: 'document',
  id: 'd1',
  title: 'Q1.pdf',
  space: { id: 's1', name: 'Harbour' },
  folderId: null,
  updatedAt: '2026-05-01T10:00:00.000Z',
  snippet: '',
  rank: 1,
  ...over,
});

describe('search snippets', () => {
  it('keeps the highlighted words apart and decodes the escaped text', () => {
    expect(snippetParts('Tom &amp; Jerry&#39;s <mark>quarterly</mark> &lt;b&gt; figures')).toEqual([
      { text: "Tom & Jerry's ", marked: false },
      { text: 'quarterly', marked: true },
      { text: ' <b> figures', marked: false },
    ]);
  });

  it('shows any other markup as text, so nothing from a document can run', () => {
    const parts = snippetParts('<img src=x onerror=alert(1)><mark>hit</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'hit', marked: true },
    ]);
  });
});

describe('search addresses', () => {
  it('reads the filters from the address and drops values the API would refuse', () => {
    const filters = readSearchFilters(
      new URLSearchParams('q= invoice &spaceId=s1&kind=folder&type=pdf&from=2026-01-01&to=yesterday'),
    );
    expect(filters).toEqual({ q: 'invoice', spaceId: 's1', kind: 'folder', type: 'pdf', from: '2026-01-01' });
    expect(readSearchFilters(new URLSearchParams('q=x&kind=ticket&type=exe'))).toEqual({ q: 'x' });
  });

  it('writes only the filters that are set', () => {
    expect(searchHref({ q: 'quarterly report', type: 'pdf' })).toBe('/search?q=quarterly+report&type=pdf');
  });

  it('a document opens its preview in its folder, a folder opens itself, a space its page', () => {
    expect(resultHref(hit({ folderId: 'f1' }))).toBe('/spaces/s1?folder=f1&preview=d1');
    expect(resultHref(hit({}))).toBe('/spaces/s1?preview=d1');
    expect(resultHref(hit({ kind: 'folder', id: 'f2', folderId: 'f1' }))).toBe('/spaces/s1?folder=f2');
    expect(resultHref(hit({ kind: 'space', id: 's9', space: null }))).toBe('/spaces/s9');
    expect(resultHref(hit({ kind: 'ticket', space: null }))).toBeNull();
  });
});
