import { Anchor, Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../layout/language-switch';
import classes from '../../../layout/layout.module.css';
import { useT } from '../../../lib/i18n';
import { useOptionalMe } from '../../../lib/session';
import { Logo } from '../../../ui/logo';

/**
 * The frame of pages opened from a share link or a document request: wide enough for a file list, readable on a
 * phone. A visitor who happens to be signed in gets their CSRF token loaded, so their POSTs are accepted.
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  useOptionalMe();
  return (
    <Box className={classes.publicPage}>
      <Group justify="space-between" px="md" py="sm">
        <Anchor href="/" underline="never" aria-label={t('layout.home')}>
          <Logo name={t('app.name')} />
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Container size={760} px="sm" py={{ base: 'md', sm: 40 }}>
        <Paper p={{ base: 'md', sm: 32 }} shadow="sm" withBorder>
          {children}
        </Paper>
        <Text ta="center" c="dimmed" fz="xs" mt="lg">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
