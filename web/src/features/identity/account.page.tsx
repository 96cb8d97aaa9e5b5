import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useT } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { ApiTokensSection } from './components/api-tokens-section';
import { ChangePasswordForm } from './components/change-password-form';
import { ProfileForm } from './components/profile-form';
import { SessionsSection } from './components/sessions-section';
import { TwoFactorSection } from './components/two-factor-section';

const tabs = ['profile', 'security', 'sessions', 'tokens'] as const;
type Tab = (typeof tabs)[number];

export function AccountPage() {
  const t = useT();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const current = search.get('tab');
  const tab: Tab = tabs.includes(current as Tab) ? (current as Tab) : 'profile';

  return (
    <>
      <PageHeader title={t('account.title')} description={`${me.email} · ${me.organization.name}`} />
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value && value !== 'profile' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="profile" leftSection={<Icon name="user" size={16} />}>
            {t('account.tabProfile')}
          </Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<Icon name="shield" size={16} />}>
            {t('account.tabSecurity')}
          </Tabs.Tab>
          <Tabs.Tab value="sessions" leftSection={<Icon name="device" size={16} />}>
            {t('account.tabSessions')}
          </Tabs.Tab>
          <Tabs.Tab value="tokens" leftSection={<Icon name="key" size={16} />}>
            {t('account.tabTokens')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile">
          <ProfileForm />
          <ChangePasswordForm />
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <TwoFactorSection />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionsSection />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <ApiTokensSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
