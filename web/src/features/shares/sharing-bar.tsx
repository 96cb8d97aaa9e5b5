import { Button, Drawer, Group, Loader, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import type { Listing } from '../documents/documents.api';
import { RequestsDrawer } from '../requests/components/requests-drawer';
import { ShareDialogHost } from './components/share-dialog';
import { ShareLinksList } from './components/share-links-list';
import { FollowButton } from './notifications/follow-button';
import { openShareDialog } from './shares.api';

/**
 * What sharing adds above a space's files: follow the folder, share it, the space's requests and share links (for
 * managers), and the share dialog itself. Each button shows only when the listing's abilities allow it.
 */
export function SharingBar({ spaceId, listing }: { spaceId: string; listing: Listing | undefined }) {
  const t = useT();
  const [open, setOpen] = useState<'requests' | 'links' | null>(null);
  const folder = listing?.folder ?? null;
  const abilities = listing?.abilities;
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {folder && <FollowButton folder={folder} />}
        {folder && can(folder.abilities, 'share.create') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<Icon name="users" size={14} />}
            onClick={() => openShareDialog({ type: 'folder', id: folder.id, name: folder.name })}
          >
            {t('shares.share')}
          </Button>
        )}
        {can(abilities, 'request.read') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<Icon name="inbox" size={14} />}
            onClick={() => setOpen('requests')}
          >
            {t('requests.entry')}
          </Button>
        )}
        {can(abilities, 'share.manage') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<Icon name="eye" size={14} />}
            onClick={() => setOpen('links')}
          >
            {t('shares.spaceLinks')}
          </Button>
        )}
      </Group>
      <ShareDialogHost />
      {open === 'requests' && listing && (
        <RequestsDrawer spaceId={spaceId} listing={listing} onClose={() => setOpen(null)} />
      )}
      {open === 'links' && <SpaceLinksDrawer spaceId={spaceId} onClose={() => setOpen(null)} />}
    </>
  );
}

function SpaceLinksDrawer({ spaceId, onClose }: { spaceId: string; onClose: () => void }) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const links = useApiQuery('listSpaceShareLinks', { params: { id: spaceId } });
  return (
    <Drawer opened onClose={onClose} position="right" size={phone ? '100%' : 'lg'} title={t('shares.spaceLinksTitle')}>
      <Stack>
        <ErrorAlert error={links.error} />
        {links.isPending && <Loader aria-label={t('common.loading')} />}
        {links.data && <ShareLinksList links={links.data.links} showTarget />}
      </Stack>
    </Drawer>
  );
}
