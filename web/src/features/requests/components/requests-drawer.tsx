import { Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorAlert } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import type { Listing } from '../../documents/documents.api';
import { CreateRequestForm } from './create-request-form';
import { RequestCard } from './request-card';

/** The space's document requests, for managers: create one (into the folder being browsed), follow and review. */
export function RequestsDrawer({
  spaceId,
  listing,
  onClose,
}: {
  spaceId: string;
  listing: Listing;
  onClose: () => void;
}) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const requests = useApiQuery('listDocumentRequests', { params: { id: spaceId } });
  const [creating, setCreating] = useState(false);
  const folder = listing.folder ? { id: listing.folder.id, name: listing.folder.name } : null;
  const mayCreate = can(listing.folder?.abilities ?? listing.abilities, 'request.create');
  return (
    <Drawer opened onClose={onClose} position="right" size={phone ? '100%' : 'xl'} title={t('requests.title')}>
      <Stack>
        <Text fz="sm" c="dimmed">
          {t('requests.text')}
        </Text>
        {mayCreate && !creating && (
          <Group>
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
              {t('requests.new')}
            </Button>
          </Group>
        )}
        {creating && <CreateRequestForm spaceId={spaceId} folder={folder} onDone={() => setCreating(false)} />}
        <ErrorAlert error={requests.error} />
        {requests.isPending && <Loader aria-label={t('common.loading')} />}
        {requests.data?.requests.map((request) => (
          <RequestCard key={request.id} request={request} />
        ))}
        {requests.data?.requests.length === 0 && !creating && <EmptyState icon="inbox" title={t('requests.none')} />}
      </Stack>
    </Drawer>
  );
}
