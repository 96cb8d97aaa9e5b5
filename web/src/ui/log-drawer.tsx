import { Drawer, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n';
import { type Column, DataTable } from './data-table';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';

/**
 * A log shown beside the page (full screen on a phone): the loading and error states of its query, then its entries
 * as a table, or an empty state. Used by the access logs of documents and of share links.
 */
export function LogDrawer<T>(props: {
  title: string;
  intro?: ReactNode;
  label: string;
  emptyTitle: string;
  query: { data?: { entries: T[] }; error: unknown; isPending: boolean };
  columns: Column<T>[];
  rowKey: (entry: T) => string;
  onClose: () => void;
}) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { query } = props;
  return (
    <Drawer opened onClose={props.onClose} position="right" size={phone ? '100%' : 'xl'} title={props.title}>
      <Stack>
        {props.intro && (
          <Text fz="sm" c="dimmed">
            {props.intro}
          </Text>
        )}
        <ErrorAlert error={query.error} />
        {query.isPending && <Loader aria-label={t('common.loading')} />}
        {query.data && (
          <DataTable
            label={props.label}
            columns={props.columns}
            rows={query.data.entries}
            rowKey={props.rowKey}
            empty={<EmptyState icon="eye" title={props.emptyTitle} />}
          />
        )}
      </Stack>
    </Drawer>
  );
}
