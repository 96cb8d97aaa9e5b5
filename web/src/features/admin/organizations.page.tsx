import type { Organization } from '@gatehouse/contracts';
import { Anchor, Badge, Button, Group, Loader, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { StatusBadge } from '../../ui/status-badge';
import { OrganizationFormModal } from './components/organization-form-modal';
import { OrganizationStatusButton } from './components/organization-status-button';

export function OrganizationsPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const organizations = useApiQuery(
    'listOrganizations',
    { query: q ? { q } : {} },
    { placeholderData: (prev) => prev },
  );
  const [creating, { open, close }] = useDisclosure(false);
  const canCreate = can(organizations.data?.abilities, 'organization.create');

  const columns: Column<Organization>[] = [
    {
      key: 'name',
      header: t('organizations.name'),
      primary: true,
      render: (organization) => (
        <Group gap="xs">
          <Anchor component={Link} to={`/admin/organizations/${organization.id}`} fw={600} fz="sm">
            {organization.name}
          </Anchor>
          {organization.isHost && (
            <Badge size="sm" variant="light" color="indigo" radius="sm">
              {t('organizations.host')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'kind', header: t('organizations.kind'), render: (o) => t(`orgKinds.${o.kind}`) },
    { key: 'people', nowrap: true, header: t('organizations.people'), render: (o) => String(o.peopleCount) },
    { key: 'status', nowrap: true, header: t('common.status'), render: (o) => <StatusBadge status={o.status} /> },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (organization) => <OrganizationStatusButton organization={organization} />,
    },
  ];

  const createButton = canCreate && (
    <Button leftSection={<Icon name="plus" size={16} />} onClick={open}>
      {t('organizations.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.text')}
        actions={organizations.data && (organizations.data.organizations.length > 0 || q) ? createButton : null}
      />
      <TextInput
        label={t('organizations.search')}
        leftSection={<Icon name="search" size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
        mb="md"
        type="search"
      />
      {organizations.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={organizations.error} />
      {organizations.data && (
        <DataTable
          label={t('organizations.title')}
          columns={columns}
          rows={organizations.data.organizations}
          rowKey={(o) => o.id}
          empty={
            <EmptyState
              icon="building"
              title={q ? t('common.noMatch') : t('organizations.emptyTitle')}
              text={q ? undefined : t('organizations.emptyText')}
              action={q ? undefined : createButton}
            />
          }
        />
      )}
      {canCreate && <OrganizationFormModal opened={creating} onClose={close} />}
    </>
  );
}
