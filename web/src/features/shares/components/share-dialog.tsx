import { Alert, Button, Divider, Loader, Modal, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { closeShareDialog, type ShareLink, type ShareTarget, useShareDialogTarget } from '../shares.api';
import { CopyLink } from './copy-link';
import { ShareLinkForm } from './share-link-form';
import { ShareLinksList } from './share-links-list';

/** Mounted once per page; opens for whichever file or folder a row menu asked to share. */
export function ShareDialogHost() {
  const target = useShareDialogTarget();
  return target ? <ShareDialog key={`${target.type}:${target.id}`} target={target} /> : null;
}

function ShareDialog({ target }: { target: ShareTarget }) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [created, setCreated] = useState<ShareLink | null>(null);
  const links = useApiQuery(target.type === 'document' ? 'listDocumentShareLinks' : 'listFolderShareLinks', {
    params: { id: target.id },
  });
  return (
    <Modal
      opened
      onClose={closeShareDialog}
      title={t('shares.dialogTitle', { name: target.name })}
      size="lg"
      fullScreen={phone}
    >
      <Stack>
        {created ? (
          <Stack gap="sm">
            <Alert color="teal" variant="light" icon={<Icon name="check" />}>
              {t('shares.created')}
            </Alert>
            <CopyLink url={created.url} label={t('shares.link')} />
            <Button variant="default" onClick={() => setCreated(null)} leftSection={<Icon name="plus" size={16} />}>
              {t('shares.newLink')}
            </Button>
          </Stack>
        ) : (
          <ShareLinkForm target={target} onCreated={setCreated} />
        )}
        <Divider />
        <Title order={3} fz="md">
          {t('shares.existing')}
        </Title>
        <ErrorAlert error={links.error} />
        {links.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {links.data && <ShareLinksList links={links.data.links} />}
      </Stack>
    </Modal>
  );
}
