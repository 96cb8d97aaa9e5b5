import type { Space } from '@gatehouse/contracts';
import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useApiQuery } from '../../lib/hooks';
import { useLocale, useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { StatusBadge } from '../../ui/status-badge';
import { CreateSpaceModal } from '../spaces/components/create-space-modal';
import { KindIcon } from '../spaces/components/kind-icon';

/** Every space of the extranet, for host administrators. */
export function AdminSpacesPage() {
  const t = useT();
  const { locale } = useLocale();
  const spaces = useApiQuery('listSpaces');
  const [creating, { open, close }] = useDisclosure(false);
  const canCreate = can(spaces.data?.abilities, 'space.create');

  const columns: Column<Space>[] = [
    {
      key: 'name',
      header: t('spaces.name'),
      primary: true,
      render: (space) => (
        <Group gap="sm" wrap="nowrap">
          <KindIcon kind={space.kind} size={28} />
          <Anchor component={Link} to={`/spaces/${space.id}`} fw={600} fz="sm">
            {space.name}
          </Anchor>
        </Group>
      ),
    },
    { key: 'kind', header: t('spaces.kind'), render: (space) => t(`spaceKinds.${space.kind}`) },
    { key: 'members', nowrap: true, header: t('space.members'), render: (space) => String(space.memberCount) },
    {
      key: 'status',
      nowrap: true,
      header: t('common.status'),
      render: (space) => <StatusBadge status={space.status} />,
    },
    {
      key: 'created',
      nowrap: true,
      header: t('space.created'),
      render: (space) => <Text fz="sm">{formatDate(space.createdAt, locale)}</Text>,
    },
  ];
  const createButton = canCreate && (
    <Button leftSection={<Icon name="plus" size={16} />} onClick={open}>
      {t('spaces.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('adminSpaces.title')}
        description={t('adminSpaces.text')}
        actions={spaces.data && spaces.data.spaces.length > 0 ? createButton : null}
      />
      {spaces.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={spaces.error} />
      {spaces.data && (
        <DataTable
          label={t('adminSpaces.title')}
          columns={columns}
          rows={spaces.data.spaces}
          rowKey={(space) => space.id}
          empty={
            <EmptyState
              icon="spaces"
              title={t('spaces.emptyAdminTitle')}
              text={t('spaces.emptyAdminText')}
              action={createButton}
            />
          }
        />
      )}
      {canCreate && <CreateSpaceModal opened={creating} onClose={close} />}
    </>
  );
}
