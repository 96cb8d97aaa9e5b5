import type { Me } from '@gatehouse/contracts';
import { Avatar, Divider, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { initials } from '../lib/format';
import { useT } from '../lib/i18n';
import { type Ability, can } from '../lib/policy';
import { Icon, type IconName } from '../ui/icons';
import classes from './layout.module.css';

type Item = { to: string; label: string; icon: IconName; end?: boolean; ability?: Ability };

export function NavLinks({ me }: { me: Me }) {
  const t = useT();
  const { pathname } = useLocation();
  const main: Item[] = [
    { to: '/', label: t('nav.spaces'), icon: 'spaces', end: true },
    { to: '/account', label: t('nav.account'), icon: 'user' },
  ];
  const admin: Item[] = [
    { to: '/admin/organizations', label: t('nav.organizations'), icon: 'building', ability: 'admin.organizations' },
    { to: '/admin/people', label: t('nav.people'), icon: 'users', ability: 'admin.people' },
    { to: '/admin/spaces', label: t('nav.allSpaces'), icon: 'stack', ability: 'admin.spaces' },
    { to: '/admin/audit', label: t('nav.audit'), icon: 'audit', ability: 'admin.audit' },
  ];
  const visibleAdmin = admin.filter((item) => item.ability && can(me.abilities, item.ability));
  const isActive = (item: Item) =>
    item.end ? pathname === item.to || pathname.startsWith('/spaces/') : pathname.startsWith(item.to);

  const render = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<Icon name={item.icon} />}
      active={isActive(item)}
      aria-current={isActive(item) ? 'page' : undefined}
      className={classes.navLink}
    />
  );

  return (
    <Stack h="100%" gap={0} justify="space-between">
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap={2}>{main.map(render)}</Stack>
        {visibleAdmin.length > 0 && (
          <>
            <Text fz="xs" fw={700} c="dimmed" mt="lg" mb={4} px="sm" className={classes.navSection}>
              {t('nav.administration')}
            </Text>
            <Stack gap={2}>{visibleAdmin.map(render)}</Stack>
          </>
        )}
      </ScrollArea>
      <div>
        <Divider my="sm" />
        <Group gap="sm" px="xs" wrap="nowrap">
          <Avatar size={34} color="indigo" radius="xl">
            {initials(me.name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Text fz="sm" fw={600} truncate>
              {me.name}
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {me.organization.name}
            </Text>
          </div>
        </Group>
      </div>
    </Stack>
  );
}
