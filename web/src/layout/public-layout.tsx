import { Anchor, Box, Center, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { useT } from '../lib/i18n';
import { Logo } from '../ui/logo';
import { LanguageSwitch } from './language-switch';
import classes from './layout.module.css';

/** The frame of the pages seen before signing in: a centred card on a soft background. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <Box className={classes.publicPage}>
      <Group justify="space-between" px="md" py="sm">
        <Anchor component={Link} to="/" underline="never" aria-label={t('layout.home')}>
          <Logo name={t('app.name')} />
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Center px="sm" py={{ base: 'md', sm: 48 }}>
        <Container size={440} w="100%" p={0}>
          <Paper p={{ base: 'lg', sm: 32 }} shadow="sm" withBorder>
            {children ?? <Outlet />}
          </Paper>
          <Text ta="center" c="dimmed" fz="xs" mt="lg">
            {t('app.tagline')}
          </Text>
        </Container>
      </Center>
    </Box>
  );
}
