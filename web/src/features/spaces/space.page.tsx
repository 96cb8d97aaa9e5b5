import type { Space } from '@gatehouse/contracts';
import { Badge, Group, Loader, Tabs } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { spaceTabs } from '../../features';
import { NotFoundPage } from '../../layout/not-found.page';
import { isApiError } from '../../lib/api';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { ErrorAlert } from '../../ui/error-alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import type { SpaceTab } from '../feature';
import { KindIcon } from './components/kind-icon';
import { RoleBadge } from './components/role-badge';
import { SpaceActions } from './components/space-actions';
import { spaceHasCapability } from './space-capabilities';

/** The tabs this person sees in this space: their capability is enabled and they hold the ability they need. */
export const visibleTabs = (space: Space, tabs: readonly SpaceTab[] = spaceTabs): SpaceTab[] =>
  tabs.filter(
    (tab) =>
      (!tab.capability || spaceHasCapability(space, tab.capability)) &&
      (!tab.ability || can(space.abilities, tab.ability)),
  );

export function SpacePage() {
  const t = useT();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useApiQuery('getSpace', { params: { id } });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (isApiError(query.error, 'http.not_found', 'http.bad_request', 'http.validation_failed')) return <NotFoundPage />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { space } = query.data;
  const tabs = visibleTabs(space);
  // The first tab is the default: its address carries only its own state (the documents tab: the folder browsed).
  const first = tabs[0]?.id;
  const tab = tabs.find((candidate) => candidate.id === search.get('tab'))?.id ?? first;

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
        onChange={(value) => setSearch(!value || value === first ? {} : { tab: value }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((item) => (
            <Tabs.Tab key={item.id} value={item.id} leftSection={<Icon name={item.icon} size={16} />}>
              {t(item.labelKey)}
              {item.count && ` (${item.count(space)})`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ id: tabId, component: Panel }) => (
          <Tabs.Panel key={tabId} value={tabId}>
            <Panel space={space} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
