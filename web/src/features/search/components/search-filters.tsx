import { Button, Collapse, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { searchKindEntries } from '../../../features';
import { useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import { hasFilters, type SearchFilters, searchTypes } from '../search-params';

type Props = { filters: SearchFilters; onChange: (filters: SearchFilters) => void };

/** The words and filters of a search; choosing a filter searches again at once, the words on Enter. */
export function SearchFiltersForm({ filters, onChange }: Props) {
  const t = useT();
  const spaces = useApiQuery('listSpaces');
  const [words, setWords] = useState(filters.q);
  useEffect(() => setWords(filters.q), [filters.q]);
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, q: words.trim() || filters.q, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: words.trim() });
  };
  const orEmpty = (value: string) => value || undefined;
  // Phones show the results first: the filters fold away behind a button that says how many are set.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [unfolded, setUnfolded] = useState(false);
  const { q: _q, ...narrowing } = filters;
  const active = Object.values(narrowing).filter(Boolean).length;

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} aria-label={t('search.filters')}>
      <Group align="flex-end" gap="sm" wrap="nowrap" mb="sm">
        <TextInput
          type="search"
          label={t('search.query')}
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="submit" leftSection={<Icon name="search" size={16} />}>
          {t('search.submit')}
        </Button>
      </Group>
      {phone && (
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={unfolded}
          aria-controls="search-filter-fields"
          onClick={() => setUnfolded((value) => !value)}
          mb={unfolded ? 'xs' : 0}
          leftSection={<Icon name="settings" size={16} />}
        >
          {active ? t('search.showFiltersCount', { count: active }) : t('search.showFilters')}
        </Button>
      )}
      <Collapse in={!phone || unfolded} id="search-filter-fields">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <NativeSelect
            label={t('search.space')}
            value={filters.spaceId ?? ''}
            onChange={(event) => set({ spaceId: orEmpty(event.currentTarget.value) })}
            data={[
              { value: '', label: t('search.anySpace') },
              ...(spaces.data?.spaces ?? []).map((space) => ({ value: space.id, label: space.name })),
            ]}
          />
          <NativeSelect
            label={t('search.kind')}
            value={filters.kind ?? ''}
            onChange={(event) => set({ kind: orEmpty(event.currentTarget.value) })}
            data={[
              { value: '', label: t('search.anyKind') },
              ...searchKindEntries.map((entry) => ({ value: entry.kind, label: t(entry.labelKey) })),
            ]}
          />
          <NativeSelect
            label={t('search.type')}
            value={filters.type ?? ''}
            onChange={(event) => set({ type: orEmpty(event.currentTarget.value) as SearchFilters['type'] })}
            data={[
              { value: '', label: t('search.anyType') },
              ...searchTypes.map((type) => ({ value: type, label: t(`search.types.${type}`) })),
            ]}
          />
          <TextInput
            type="date"
            label={t('search.from')}
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set({ from: orEmpty(event.currentTarget.value) })}
          />
          <TextInput
            type="date"
            label={t('search.to')}
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set({ to: orEmpty(event.currentTarget.value) })}
          />
        </SimpleGrid>
      </Collapse>
      {hasFilters(filters) && (
        <Button variant="subtle" size="compact-sm" mt="sm" onClick={() => onChange({ q: filters.q })}>
          {t('search.clear')}
        </Button>
      )}
    </Paper>
  );
}
