import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Icon } from '../../../ui/icons';
import { type ShareLink, useSharesMutation } from '../shares.api';
import { CopyLink } from './copy-link';
import { ShareAccessLog } from './share-access-log';

const statusColor: Record<ShareLink['status'], string> = {
  active: 'teal',
  expired: 'gray',
  revoked: 'red',
  exhausted: 'orange',
  disabled: 'gray',
};

/** Links as cards (they read well on a phone): status, limits, the address to copy, access log and Revoke. */
export function ShareLinksList({ links, showTarget = false }: { links: ShareLink[]; showTarget?: boolean }) {
  const t = useT();
  const [logOf, setLogOf] = useState<ShareLink | null>(null);
  return (
    <Stack gap="sm">
      {links.map((link) => (
        <LinkCard key={link.id} link={link} showTarget={showTarget} onLog={() => setLogOf(link)} />
      ))}
      {links.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t('shares.none')}
        </Text>
      )}
      {logOf && <ShareAccessLog link={logOf} onClose={() => setLogOf(null)} />}
    </Stack>
  );
}

function LinkCard({ link, showTarget, onLog }: { link: ShareLink; showTarget: boolean; onLog: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const revoke = useSharesMutation('revokeShareLink');
  const downloads =
    link.maxDownloads === null
      ? t.plural('shares.downloadsCount', link.downloadCount)
      : t('shares.downloadsOf', { count: link.downloadCount, max: link.maxDownloads });
  return (
    <Paper withBorder p="sm" data-testid={`share-link-${link.id}`}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Badge color={statusColor[link.status]} variant="light" radius="sm">
              {t(`shares.status.${link.status}`)}
            </Badge>
            {link.hasPassword && (
              <Badge variant="outline" color="gray" radius="sm" leftSection={<Icon name="lock" size={12} />}>
                {t('shares.withPassword')}
              </Badge>
            )}
            {link.requireEmail && (
              <Badge variant="outline" color="gray" radius="sm" leftSection={<Icon name="mail" size={12} />}>
                {t('shares.withEmail')}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {t('shares.expiresOn', { date: formatDate(link.expiresAt, locale) })} · {downloads}
          </Text>
        </Group>
        {showTarget && (
          <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {link.target.name}
          </Text>
        )}
        <Text fz="xs" c="dimmed">
          {[link.note, link.recipientEmail, link.createdBy && t('shares.byPerson', { name: link.createdBy.name })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {link.status === 'active' && <CopyLink url={link.url} label={t('shares.link')} />}
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="subtle" leftSection={<Icon name="eye" size={14} />} onClick={onLog}>
            {t('shares.accessLog')}
          </Button>
          {!link.revokedAt && can(link.abilities, 'share.revoke') && (
            <ConfirmButton
              size="xs"
              variant="light"
              color="red"
              title={t('shares.revokeTitle')}
              message={t('shares.revokeText')}
              confirmLabel={t('shares.revoke')}
              onConfirm={() => revoke.mutateAsync({ params: { id: link.id } })}
            >
              {t('shares.revoke')}
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
