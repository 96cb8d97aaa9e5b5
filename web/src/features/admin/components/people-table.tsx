import type { Person } from '@gatehouse/contracts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { type Column, DataTable } from '../../../ui/data-table';
import { StatusBadge } from '../../../ui/status-badge';
import { PersonActions } from './person-actions';

type Props = { people: Person[]; empty: ReactNode; showOrganization?: boolean };

export function PeopleTable({ people, empty, showOrganization = true }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const expired = (person: Person) => person.accessExpiresAt !== null && new Date(person.accessExpiresAt) < new Date();

  const columns: Column<Person>[] = [
    {
      key: 'name',
      header: t('people.name'),
      primary: true,
      render: (person) => (
        <Stack gap={0}>
          <Group gap={6}>
            <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {person.name}
            </Text>
            {person.isAdmin && (
              <Badge size="xs" color="grape" variant="light">
                {t('people.hostAdmin')}
              </Badge>
            )}
            {person.isOrgAdmin && (
              <Badge size="xs" color="indigo" variant="light">
                {t('people.orgAdmin')}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {person.email}
          </Text>
        </Stack>
      ),
    },
    ...(showOrganization
      ? [{ key: 'organization', header: t('people.organization'), render: (p: Person) => p.organization.name }]
      : []),
    {
      key: 'status',
      nowrap: true,
      header: t('common.status'),
      render: (person) => (
        <Group gap={4}>
          <StatusBadge status={person.status} />
          {expired(person) && <StatusBadge status="expired" />}
        </Group>
      ),
    },
    { key: 'sponsor', header: t('people.sponsor'), render: (p) => p.sponsor?.name ?? '—', hideOnMobile: true },
    {
      key: 'expires',
      nowrap: true,
      header: t('people.accessExpires'),
      render: (p) => (p.accessExpiresAt ? formatDate(p.accessExpiresAt, locale) : t('people.noExpiry')),
    },
    {
      key: 'lastSignIn',
      nowrap: true,
      header: t('people.lastSignIn'),
      render: (p) => (p.lastSignInAt ? formatDate(p.lastSignInAt, locale) : t('people.never')),
      hideOnMobile: true,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (person) => <PersonActions person={person} />,
    },
  ];

  return <DataTable label={t('people.title')} columns={columns} rows={people} rowKey={(p) => p.id} empty={empty} />;
}
