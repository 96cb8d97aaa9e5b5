import { Button, Loader, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { useMe } from '../../lib/session';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { CreateSpaceModal } from './components/create-space-modal';
import { SpaceCard } from './components/space-card';

export function SpacesPage() {
  const t = useT();
  const me = useMe();
  const spaces = useApiQuery('listSpaces');
  const [creating, { open, close }] = useDisclosure(false);
  const canCreate = can(spaces.data?.abilities, 'space.create');
  const createButton = canCreate && (
    <Button leftSection={<Icon name="plus" size={16} />} onClick={open}>
      {t('spaces.create')}
    </Button>
  );
  const firstName = me.name.split(' ')[0];

  return (
    <>
      <PageHeader
        title={t('spaces.title')}
        description={t('spaces.welcome', { name: firstName, organization: me.organization.name })}
        actions={spaces.data && spaces.data.spaces.length > 0 ? createButton : null}
      />
      {spaces.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={spaces.error} />
      {spaces.data &&
        (spaces.data.spaces.length === 0 ? (
          canCreate ? (
            <EmptyState
              icon="spaces"
              title={t('spaces.emptyAdminTitle')}
              text={t('spaces.emptyAdminText')}
              action={createButton}
            />
          ) : (
            <EmptyState icon="inbox" title={t('spaces.emptyTitle')} text={t('spaces.emptyText')} />
          )
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {spaces.data.spaces.map((space) => (
              <SpaceCard key={space.id} space={space} />
            ))}
          </SimpleGrid>
        ))}
      {canCreate && <CreateSpaceModal opened={creating} onClose={close} />}
    </>
  );
}
