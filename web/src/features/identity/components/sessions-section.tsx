import type { Session } from '@gatehouse/contracts';
import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { ConfirmButton } from '../../../ui/confirm-button';
import { type Column, DataTable } from '../../../ui/data-table';
import { ErrorAlert } from '../../../ui/error-alert';
import { Section } from './section';
import { describeUserAgent } from './user-agent';

export function SessionsSection() {
  const t = useT();
  const { locale } = useLocale();
  const sessions = useApiQuery('listSessions');
  const end = useApiMutation('endSession', { invalidates: ['listSessions'] });
  const endOthers = useApiMutation('endOtherSessions', {
    invalidates: ['listSessions'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('sessions.othersEnded') }),
  });

  const device = (session: Session) => {
    const { browser, os } = describeUserAgent(session.userAgent);
    if (browser && os) return t('sessions.browserOn', { browser, os });
    return browser ?? os ?? t('sessions.unknownDevice');
  };

  const columns: Column<Session>[] = [
    {
      key: 'device',
      header: t('sessions.device'),
      primary: true,
      render: (session) => (
        <Group gap="xs">
          <Text fw={500} fz="sm">
            {device(session)}
          </Text>
          {session.current && (
            <Badge color="teal" variant="light" size="sm">
              {t('sessions.current')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'ip', nowrap: true, header: t('sessions.ip'), render: (session) => session.ip ?? '—' },
    { key: 'created', nowrap: true, header: t('sessions.started'), render: (s) => formatDateTime(s.createdAt, locale) },
    { key: 'seen', nowrap: true, header: t('sessions.lastSeen'), render: (s) => formatDateTime(s.lastSeenAt, locale) },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (session) =>
        session.current ? null : (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={end.isPending && end.variables?.params.id === session.id}
            onClick={() => end.mutate({ params: { id: session.id } })}
            aria-label={t('sessions.endNamed', { device: device(session) })}
          >
            {t('sessions.end')}
          </Button>
        ),
    },
  ];

  const others = (sessions.data?.sessions ?? []).filter((session) => !session.current).length;

  return (
    <Section title={t('sessions.title')} text={t('sessions.text')}>
      {sessions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={sessions.error ?? end.error} />
      {sessions.data && (
        <DataTable label={t('sessions.title')} columns={columns} rows={sessions.data.sessions} rowKey={(s) => s.id} />
      )}
      {others > 0 && (
        <Group>
          <ConfirmButton
            variant="light"
            color="red"
            title={t('sessions.endOthers')}
            message={t('sessions.endOthersConfirm')}
            confirmLabel={t('sessions.endOthers')}
            onConfirm={() => endOthers.mutateAsync({})}
          >
            {t('sessions.endOthers')}
          </ConfirmButton>
        </Group>
      )}
    </Section>
  );
}
