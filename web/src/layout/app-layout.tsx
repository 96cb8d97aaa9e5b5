import { Anchor, AppShell, Avatar, Burger, Button, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SearchBox } from '../features/search/components/search-box';
import { NotificationsBell } from '../features/shares/notifications/notifications-bell';
import { initials } from '../lib/format';
import { useT } from '../lib/i18n';
import { useMe } from '../lib/session';
import { Icon } from '../ui/icons';
import { Logo } from '../ui/logo';
import { LanguageSwitch } from './language-switch';
import classes from './layout.module.css';
import { NavLinks } from './nav-links';
import { useSignOut } from './sign-out';

export function AppLayout() {
  const t = useT();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  // Close the phone menu once a link was followed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header className={classes.header}>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('layout.closeMenu') : t('layout.openMenu')}
            />
            <Anchor component={Link} to="/" underline="never" aria-label={t('layout.home')}>
              <Logo name={t('app.name')} compact />
            </Anchor>
          </Group>
          <SearchBox />
          <Group gap="xs" wrap="nowrap">
            {/* Named by the visible name, then what it opens: a label that hid the name would not match what a
                person sees and says (WCAG 2.5.3). The initials repeat the name. */}
            <UnstyledButton onClick={() => navigate('/account')} visibleFrom="sm">
              <Group gap={8} wrap="nowrap">
                <Avatar size={30} color="indigo" radius="xl" aria-hidden>
                  {initials(me.name)}
                </Avatar>
                <Text fz="sm" fw={500} className={classes.userName} data-testid="header-user-name">
                  {me.name}
                </Text>
                <VisuallyHidden component="span">{t('layout.myAccount')}</VisuallyHidden>
              </Group>
            </UnstyledButton>
            <NotificationsBell />
            <LanguageSwitch />
            <Button
              variant="subtle"
              color="gray"
              size="compact-md"
              px={6}
              onClick={signOut}
              aria-label={t('layout.signOut')}
              leftSection={<Icon name="logout" size={18} />}
            >
              <Text component="span" fz="sm" visibleFrom="md">
                {t('layout.signOut')}
              </Text>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" className={classes.navbar} aria-label={t('layout.mainNavigation')}>
        <NavLinks me={me} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
