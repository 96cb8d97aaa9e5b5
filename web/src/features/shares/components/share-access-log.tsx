import type { RouteResponse } from '@gatehouse/contracts';
import { Badge, Drawer, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDateTime } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { type Column, DataTable } from '../../../ui/data-table';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorAlert } from '../../../ui/error-alert';
import type { ShareLink } from '../shares.api';

type Entry = RouteResponse<'shareLinkAccessLog'>['entries'][number];

/** Who used a link: when, from where, the verified e-mail, which file; interrupted downloads are marked. */
export function ShareAccessLog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const log = useApiQuery('shareLinkAccessLog', { params: { id: link.id } });
  const columns: Column<Entry>[] = [
    { key: 'at', header: t('shares.logWhen'), nowrap: true, render: (entry) => formatDateTime(entry.at, locale) },
    {
      key: 'what',
      header: t('shares.logWhat'),
      primary: true,
      render: (entry) => (
        <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {entry.what}
          {entry.version !== null && ` (v${entry.version})`}
        </Text>
      ),
    },
    {
      key: 'kind',
      header: t('shares.logKind'),
      render: (entry) => (
        <>
          {t(`shares.kind.${entry.kind}`)}
          {!entry.completed && (
            <Badge ml={6} size="xs" color="orange" variant="light">
              {t('shares.interrupted')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'email', header: t('shares.logWho'), render: (entry) => entry.email ?? '—' },
    { key: 'ip', header: t('shares.logIp'), nowrap: true, render: (entry) => entry.ip ?? '—' },
  ];
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={t('shares.accessLogTitle', { name: link.target.name })}
    >
      <Stack>
        <ErrorAlert error={log.error} />
        {log.isPending && <Loader aria-label={t('common.loading')} />}
        {log.data && (
          <DataTable
            label={t('shares.accessLog')}
            columns={columns}
            rows={log.data.entries}
            rowKey={(entry) => `${entry.at}:${entry.kind}:${entry.what}:${entry.ip}`}
            empty={<EmptyState icon="eye" title={t('shares.accessLogEmpty')} />}
          />
        )}
      </Stack>
    </Drawer>
  );
}
