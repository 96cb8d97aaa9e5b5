import type { RouteResponse } from '@gatehouse/contracts';
import { Badge, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import type { Column } from '../../../ui/data-table';
import { LogDrawer } from '../../../ui/log-drawer';
import type { ShareLink } from '../shares.api';

type Entry = RouteResponse<'shareLinkAccessLog'>['entries'][number];

/** Who used a link: when, from where, the verified e-mail, which file; interrupted downloads are marked. */
export function ShareAccessLog({ link, onClose }: { link: ShareLink; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
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
    <LogDrawer
      title={t('shares.accessLogTitle', { name: link.target.name })}
      label={t('shares.accessLog')}
      emptyTitle={t('shares.accessLogEmpty')}
      query={log}
      columns={columns}
      rowKey={(entry) => `${entry.at}:${entry.kind}:${entry.what}:${entry.ip}`}
      onClose={onClose}
    />
  );
}
