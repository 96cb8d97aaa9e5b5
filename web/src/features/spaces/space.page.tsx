import type { Space } from '@gatehouse/contracts';
import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../layout/not-found.page';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApiQuery } from '../../lib/hooks';
import { useLocale, useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { DocumentsTab } from '../documents/documents-tab';
import { KindIcon } from './components/kind-icon';
import { MembersTab } from './components/members-tab';
import { RoleBadge } from './components/role-badge';
import { SpaceActions } from './components/space-actions';

/** Spaces get capabilities one by one (documents first); every space has documents for now. */
const hasDocuments = (_space: Space) => true;

export function SpacePage() {
  const t = useT();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useApiQuery('getSpace', { params: { id } });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (isApiError(query.error, 'http.not_found', 'http.bad_request', 'http.validation_failed')) return <NotFoundPage />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { space } = query.data;
  const showMembers = can(space.abilities, 'space.read_members');
  const showDocuments = hasDocuments(space);
  const requested = search.get('tab');
  const tab =
    requested === 'members' && showMembers
      ? 'members'
      : requested === 'overview' || !showDocuments
        ? 'overview'
        : 'documents';

  return (
    <>
      <PageHeader
        back={{ to: '/', label: t('nav.spaces') }}
        title={
          <Group gap="sm" component="span" wrap="nowrap">
            <KindIcon kind={space.kind} size={36} />
            <span>{space.name}</span>
          </Group>
        }
        badges={
          <>
            {space.myRole && <RoleBadge role={space.myRole} />}
            {space.status === 'archived' && (
              <Badge color="gray" variant="outline" radius="sm">
                {t('status.archived')}
              </Badge>
            )}
          </>
        }
        actions={<SpaceActions space={space} />}
      />
      <Tabs
        value={tab}
        // The documents tab is the default: its address carries only the folder being browsed.
        onChange={(value) => setSearch(value === 'documents' ? {} : { tab: value ?? 'overview' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {showDocuments && (
            <Tabs.Tab value="documents" leftSection={<Icon name="folder" size={16} />}>
              {t('space.tabDocuments')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="overview" leftSection={<Icon name="home" size={16} />}>
            {t('space.tabOverview')}
          </Tabs.Tab>
          {showMembers && (
            <Tabs.Tab value="members" leftSection={<Icon name="users" size={16} />}>
              {t('space.tabMembers')} ({space.memberCount})
            </Tabs.Tab>
          )}
        </Tabs.List>
        {showDocuments && (
          <Tabs.Panel value="documents">
            <DocumentsTab space={space} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="overview">
          <Overview space={space} />
        </Tabs.Panel>
        {showMembers && (
          <Tabs.Panel value="members">
            <MembersTab space={space} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

function Overview({ space }: { space: Space }) {
  const t = useT();
  const { locale } = useLocale();
  const facts = [
    { label: t('space.kind'), value: t(`spaceKinds.${space.kind}`) },
    { label: t('space.yourRole'), value: space.myRole ? t(`roles.${space.myRole}`) : t('space.noRole') },
    { label: t('space.members'), value: String(space.memberCount) },
    { label: t('space.created'), value: formatDate(space.createdAt, locale) },
  ];
  return (
    <Stack>
      <Paper withBorder p="lg">
        <Text fw={600} mb={6}>
          {t('space.about')}
        </Text>
        <Text c={space.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {space.description || t('spaces.noDescription')}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        {facts.map((fact) => (
          <Paper key={fact.label} withBorder p="md">
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {fact.label}
            </Text>
            <Text fw={600} mt={4}>
              {fact.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text fz="sm" c="dimmed">
        {t(`spaceKindHints.${space.kind}`)}
      </Text>
    </Stack>
  );
}
