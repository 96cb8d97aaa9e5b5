import type { Me } from '@gatehouse/contracts';
import { Avatar, Divider, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { adminNav, mainNav } from '../features';
import type { NavEntry } from '../features/feature';
import { initials } from '../lib/format';
import { useT } from '../lib/i18n';
import { can } from '../lib/policy';
import { Icon } from '../ui/icons';
import classes from './layout.module.css';

type Item = NavEntry;

export function NavLinks({ me }: { me: Me }) {
  const t = useT();
  const { pathname } = useLocation();
  const visibleAdmin = adminNav.filter((item) => can(me.abilities, item.ability));
  const isActive = (item: Item) =>
    (item.end ? pathname === item.to : pathname.startsWith(item.to)) ||
    (item.activeOn ?? []).some((prefix) => pathname.startsWith(prefix));

  const render = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<Icon name={item.icon} />}
      active={isActive(item)}
      aria-current={isActive(item) ? 'page' : undefined}
      className={classes.navLink}
    />
  );

  return (
    <Stack h="100%" gap={0} justify="space-between">
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap={2}>{mainNav.map(render)}</Stack>
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
