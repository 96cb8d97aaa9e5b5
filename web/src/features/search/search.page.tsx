import { Loader, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { SearchFiltersForm } from './components/search-filters';
import { SearchResultItem } from './components/search-result-item';
import { readSearchFilters, type SearchFilters, searchParamsOf } from './search-params';

/** `/search?q=…`: results of every source the person may read, with filters kept in the address. */
export function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = readSearchFilters(params);
  const { q, ...narrowing } = filters;
  const search = useApiQuery('search', { query: { q, ...narrowing, limit: 50 } }, { enabled: q.length > 0 });
  const change = (next: SearchFilters) => setParams(searchParamsOf(next));
  const results = search.data?.results ?? [];

  return (
    <>
      <PageHeader title={t('search.title')} />
      <Stack gap="md">
        <SearchFiltersForm filters={filters} onChange={change} />
        {!q && <EmptyState icon="search" title={t('search.promptTitle')} text={t('search.promptText')} />}
        {q && search.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={search.error} />
        {q && search.isSuccess && results.length === 0 && (
          <EmptyState icon="search" title={t('search.emptyTitle', { query: q })} text={t('search.emptyText')} />
        )}
        {results.length > 0 && (
          <>
            <Text fz="sm" c="dimmed" role="status">
              {t.plural('search.count', results.length, { query: q })}
            </Text>
            <Stack
              component="ul"
              gap="sm"
              aria-label={t('search.resultsLabel')}
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {results.map((result) => (
                <SearchResultItem key={`${result.kind}:${result.id}`} result={result} />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </>
  );
}
