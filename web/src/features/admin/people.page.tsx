import type { PersonStatus } from '@gatehouse/contracts';
import { Button, Group, Loader, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { InvitePersonModal } from './components/invite-person-modal';
import { PeopleTable } from './components/people-table';

type Status = z.infer<typeof PersonStatus>;
const statuses: Status[] = ['active', 'invited', 'disabled'];

export function PeoplePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organization') ?? '';
  const status = (statuses as string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [inviting, { open, close }] = useDisclosure(false);
  const organizations = useApiQuery('listOrganizations');
  const people = useApiQuery(
    'listPeople',
    { query: { organizationId: organizationId || undefined, status: status || undefined, q: q || undefined } },
    { placeholderData: (previous) => previous },
  );
  const canInvite = can(people.data?.abilities, 'person.invite');
  const filtered = Boolean(organizationId || status || q);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const inviteButton = canInvite && (
    <Button leftSection={<Icon name="mail" size={16} />} onClick={open}>
      {t('people.invite')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.text')}
        actions={people.data && (people.data.people.length > 0 || filtered) ? inviteButton : null}
      />
      <Group mb="md" align="flex-end" gap="sm">
        <TextInput
          label={t('people.search')}
          type="search"
          leftSection={<Icon name="search" size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <NativeSelect
          label={t('people.filterOrganization')}
          value={organizationId}
          onChange={(event) => setFilter('organization', event.currentTarget.value)}
          data={[
            { value: '', label: t('people.allOrganizations') },
            ...(organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          style={{ flex: '1 1 200px' }}
        />
        <NativeSelect
          label={t('people.filterStatus')}
          value={status}
          onChange={(event) => setFilter('status', event.currentTarget.value)}
          data={[
            { value: '', label: t('people.allStatuses') },
            ...statuses.map((value) => ({ value, label: t(`status.${value}`) })),
          ]}
          style={{ flex: '0 1 160px' }}
        />
      </Group>
      {people.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={people.error} />
      {people.data && (
        <PeopleTable
          people={people.data.people}
          empty={
            filtered ? (
              <EmptyState icon="search" title={t('common.noMatch')} text={t('people.noMatchText')} />
            ) : (
              <EmptyState
                icon="users"
                title={t('people.emptyTitle')}
                text={t('people.emptyText')}
                action={inviteButton}
              />
            )
          }
        />
      )}
      {canInvite && (
        <InvitePersonModal opened={inviting} onClose={close} organizationId={organizationId || undefined} />
      )}
    </>
  );
}
