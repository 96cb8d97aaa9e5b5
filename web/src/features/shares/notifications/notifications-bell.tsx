import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';

const BELL =
  'M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6 M9 17v1a3 3 0 0 0 6 0v-1';

/** The header's bell: unread count, the latest notices, a click opens the folder concerned. */
export function NotificationsBell() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const list = useApiQuery('listNotifications', { query: { limit: 20 } }, { refetchInterval: 60_000 });
  const markRead = useApiMutation('markNotificationRead', { invalidates: ['listNotifications'] });
  const markAll = useApiMutation('markAllNotificationsRead', { invalidates: ['listNotifications'] });
  const unread = list.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  // The popover's target is the button itself: it receives aria-expanded and aria-haspopup, which the indicator's
  // plain div may not carry.
  return (
    <Indicator label={unread > 9 ? '9+' : unread} size={16} disabled={unread === 0} offset={4} color="red">
      <Popover position="bottom-end" width={340} shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} data-testid="notifications-bell">
            <svg
              width={20}
              height={20}
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.8}
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden="true"
            >
              <path d={BELL} />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Group justify="space-between" px="sm" py={8}>
            <Text fw={600} fz="sm">
              {t('notifications.bell')}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate({})}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          <Divider />
          <ScrollArea.Autosize mah={380}>
            <Stack gap={0}>
              {(list.data?.notifications ?? []).map((notice) => (
                <UnstyledButton
                  key={notice.id}
                  px="sm"
                  py={8}
                  style={{ background: notice.readAt ? undefined : 'var(--mantine-color-indigo-0)' }}
                  onClick={() => {
                    if (!notice.readAt) markRead.mutate({ params: { id: notice.id } });
                    navigate(notice.link);
                  }}
                >
                  <Text fz="sm" fw={notice.readAt ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                    {notice.title}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {[notice.body, formatDateTime(notice.createdAt, locale)].filter(Boolean).join(' · ')}
                  </Text>
                </UnstyledButton>
              ))}
              {list.data?.notifications.length === 0 && (
                <Text fz="sm" c="dimmed" p="sm">
                  {t('notifications.empty')}
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
