import { Badge, Button, Loader, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../layout/not-found.page';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApiQuery } from '../../lib/hooks';
import { useLocale, useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { EmptyState } from '../../ui/empty-state';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { StatusBadge } from '../../ui/status-badge';
import { InvitePersonModal } from './components/invite-person-modal';
import { OrganizationFormModal } from './components/organization-form-modal';
import { OrganizationStatusButton } from './components/organization-status-button';
import { PeopleTable } from './components/people-table';

export function OrganizationPage() {
  const t = useT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [editing, edit] = useDisclosure(false);
  const [inviting, invite] = useDisclosure(false);
  const query = useApiQuery('getOrganization', { params: { id } });
  const people = useApiQuery('listPeople', { query: { organizationId: id } });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (isApiError(query.error, 'http.not_found', 'http.bad_request', 'http.validation_failed')) return <NotFoundPage />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { organization } = query.data;
  const canInvite = can(people.data?.abilities, 'person.invite') && organization.status === 'active';
  const inviteButton = canInvite && (
    <Button leftSection={<Icon name="mail" size={16} />} onClick={invite.open}>
      {t('people.invite')}
    </Button>
  );

  return (
    <>
      <PageHeader
        back={{ to: '/admin/organizations', label: t('nav.organizations') }}
        title={organization.name}
        description={t('organizations.since', {
          kind: t(`orgKinds.${organization.kind}`),
          date: formatDate(organization.createdAt, locale),
        })}
        badges={
          <>
            <StatusBadge status={organization.status} />
            {organization.isHost && (
              <Badge variant="light" color="indigo" radius="sm">
                {t('organizations.host')}
              </Badge>
            )}
          </>
        }
        actions={
          <>
            {can(organization.abilities, 'organization.update') && (
              <Button variant="default" onClick={edit.open}>
                {t('organizations.edit')}
              </Button>
            )}
            {people.data && people.data.people.length > 0 && inviteButton}
            <OrganizationStatusButton organization={organization} size="sm" />
          </>
        }
      />
      <Title order={2} fz="lg" mb="sm">
        {t.plural('organizations.peopleCount', organization.peopleCount)}
      </Title>
      {people.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={people.error} />
      {people.data && (
        <PeopleTable
          people={people.data.people}
          showOrganization={false}
          empty={
            <EmptyState
              icon="users"
              title={t('organizations.noPeople')}
              text={t('organizations.noPeopleText')}
              action={inviteButton}
            />
          }
        />
      )}
      <OrganizationFormModal opened={editing} onClose={edit.close} organization={organization} />
      {canInvite && <InvitePersonModal opened={inviting} onClose={invite.close} organizationId={organization.id} />}
    </>
  );
}
