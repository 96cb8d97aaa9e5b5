import type { AccessLogEntry } from '@gatehouse/contracts';
import { Text } from '@mantine/core';
import type { z } from 'zod';
import { formatDateTime } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import type { Column } from '../../../ui/data-table';
import { LogDrawer } from '../../../ui/log-drawer';
import type { DocumentItem } from '../documents.api';

type Entry = z.infer<typeof AccessLogEntry>;

/** Managers see who consulted a document: when, which version, from which address. */
export function AccessLogDrawer({ document, onClose }: { document: DocumentItem; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const log = useApiQuery('documentAccessLog', { params: { id: document.id } });
  const actionLabel = (action: string) => {
    if (action === 'document.downloaded') return t('documents.logDownloaded');
    if (action === 'document.previewed') return t('documents.logPreviewed');
    const key = `auditActions.${action}`;
    return t.has(key) ? t(key) : action;
  };

  const columns: Column<Entry>[] = [
    { key: 'at', header: t('documents.logWhen'), nowrap: true, render: (entry) => formatDateTime(entry.at, locale) },
    {
      key: 'who',
      header: t('documents.logWho'),
      primary: true,
      render: (entry) => (
        <Text fz="sm" fw={500}>
          {entry.actor.label ?? t('audit.system')}
        </Text>
      ),
    },
    { key: 'action', header: t('documents.logAction'), render: (entry) => actionLabel(entry.action) },
    {
      key: 'version',
      header: t('documents.version'),
      nowrap: true,
      render: (entry) => (entry.version === null ? '—' : t('documents.versionShort', { number: entry.version })),
    },
    { key: 'ip', header: t('documents.logIp'), nowrap: true, render: (entry) => entry.ip ?? '—' },
  ];

  return (
    <LogDrawer
      title={t('documents.accessLogTitle', { name: document.name })}
      intro={t('documents.accessLogText')}
      label={t('documents.accessLog')}
      emptyTitle={t('documents.accessLogEmpty')}
      query={log}
      columns={columns}
      rowKey={(entry) => `${entry.at}:${entry.actor.id}:${entry.action}:${entry.range}`}
      onClose={onClose}
    />
  );
}
