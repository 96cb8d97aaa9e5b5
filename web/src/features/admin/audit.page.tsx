import type { AuditEvent } from '@gatehouse/contracts';
import { routes } from '@gatehouse/contracts';
import { Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, buildUrl } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useLocale, useT } from '../../lib/i18n';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { StatusBadge } from '../../ui/status-badge';
import { auditActionLabel } from './audit-actions';
import { AuditEventDetails } from './components/audit-event-details';
import { type AuditFilters, AuditFiltersForm, toAuditQuery } from './components/audit-filters';

const PAGE_SIZE = 50;

export function AuditPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filters, setFilters] = useState<AuditFilters>({ action: '', actorId: '', from: '', to: '' });
  const query = toAuditQuery(filters);
  const events = useInfiniteQuery({
    queryKey: ['listAudit', query],
    queryFn: ({ pageParam }) => api('listAudit', { query: { ...query, limit: PAGE_SIZE, before: pageParam } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const exportUrl = buildUrl(routes.exportAudit.path, undefined, query);

  const columns: Column<AuditEvent>[] = [
    {
      key: 'action',
      header: t('audit.action'),
      primary: true,
      render: (event) => <AuditActionCell event={event} />,
    },
    { key: 'at', nowrap: true, header: t('audit.when'), render: (event) => formatDateTime(event.at, locale) },
    { key: 'actor', header: t('audit.actor'), render: (event) => event.actor.label ?? t('audit.system') },
    {
      key: 'target',
      header: t('audit.target'),
      render: (event) =>
        event.target.label || event.target.type ? (
          <Text fz="sm">
            {event.target.label ?? event.target.id}
            {event.target.type && (
              <Text span c="dimmed" fz="xs">
                {' '}
                ({event.target.type})
              </Text>
            )}
          </Text>
        ) : (
          '—'
        ),
    },
    { key: 'ip', nowrap: true, header: t('audit.ip'), render: (event) => event.ip ?? '—', hideOnMobile: true },
    {
      key: 'details',
      nowrap: true,
      header: t('audit.details'),
      render: (event) => <AuditEventDetails event={event} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.text')}
        actions={
          <Button
            component="a"
            href={exportUrl}
            variant="default"
            leftSection={<Icon name="download" size={16} />}
            download
          >
            {t('audit.export')}
          </Button>
        }
      />
      <AuditFiltersForm value={filters} onChange={setFilters} />
      <ErrorAlert error={events.error} />
      {events.isPending && <Loader aria-label={t('common.loading')} />}
      {events.data && (
        <Stack>
          <DataTable
            label={t('audit.title')}
            columns={columns}
            rows={rows}
            rowKey={(event) => event.id}
            empty={<EmptyState icon="audit" title={t('audit.emptyTitle')} text={t('audit.emptyText')} />}
          />
          {events.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={events.isFetchingNextPage} onClick={() => events.fetchNextPage()}>
                {t('audit.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

/** The human label (red when the attempt failed) above the raw action code, which stays searchable and exact. */
function AuditActionCell({ event }: { event: AuditEvent }) {
  const t = useT();
  const label = auditActionLabel(t, event);
  const failed = event.outcome === 'failure';
  const known = label !== event.action;
  return (
    <Stack gap={2}>
      {known && (
        <Text fz="sm" fw={500} c={failed ? 'red.8' : undefined}>
          {label}
        </Text>
      )}
      <Group gap={6}>
        {failed && <StatusBadge status="failure" />}
        {known ? (
          <Text ff="monospace" fz="xs" c="dimmed">
            {event.action}
          </Text>
        ) : (
          <Code>{event.action}</Code>
        )}
      </Group>
    </Stack>
  );
}
