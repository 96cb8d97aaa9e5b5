import { type SearchResult, SearchType } from '@gatehouse/contracts';
import { searchKindEntries } from '../../features';

export const searchTypes = SearchType.options;

/** A search as it sits in the address bar (`/search?q=…&spaceId=…`), so Back, reload and shared links work. */
export type SearchFilters = {
  q: string;
  spaceId?: string;
  /** A result kind some feature registers (`document`, `folder`, `space`…). */
  kind?: string;
  type?: SearchType;
  /** Days (`2026-05-31`) as the date fields give them. */
  from?: string;
  to?: string;
};

const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((item) => item === value);

/** Reads the filters from the address, dropping what the API would refuse (an unknown kind, a malformed day). */
export function readSearchFilters(params: URLSearchParams): SearchFilters {
  return {
    q: (params.get('q') ?? '').trim(),
    spaceId: params.get('spaceId') || undefined,
    kind: oneOf(
      searchKindEntries.map((entry) => entry.kind),
      params.get('kind'),
    ),
    type: oneOf(searchTypes, params.get('type')),
    from: isDay(params.get('from')) ? (params.get('from') ?? undefined) : undefined,
    to: isDay(params.get('to')) ? (params.get('to') ?? undefined) : undefined,
  };
}

/** The address of a search: only the filters that are set, in a stable order. */
export function searchParamsOf(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'spaceId', 'kind', 'type', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export const searchHref = (filters: SearchFilters) => `/search?${searchParamsOf(filters).toString()}`;

/** Whether any filter besides the words narrows the search. */
export const hasFilters = ({ q: _q, ...filters }: SearchFilters) => Object.values(filters).some(Boolean);

/**
 * Where a hit leads, as the feature that registers its kind says (a document: its preview in its folder; a folder:
 * that folder; a space: its page). A hit of a kind this app does not know yet leads to its space, if it has one.
 */
export function resultHref(result: SearchResult): string | null {
  const entry = searchKindEntries.find((candidate) => candidate.kind === result.kind);
  if (entry) return entry.href(result);
  return result.space ? `/spaces/${result.space.id}` : null;
}
