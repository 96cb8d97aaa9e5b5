import { Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import classes from './ui.module.css';

type EmptyStateProps = { icon: IconName; title: string; text?: ReactNode; action?: ReactNode };

/** Says what is missing and what to do about it. */
export function EmptyState({ icon, title, text, action }: EmptyStateProps) {
  return (
    <Center py="xl" px="md" className={classes.emptyState}>
      <Stack align="center" gap="xs" maw={420} ta="center">
        <div className={classes.emptyIcon}>
          <Icon name={icon} size={28} />
        </div>
        <Title order={3} fz="lg" mt="xs">
          {title}
        </Title>
        {text && (
          <Text c="dimmed" fz="sm">
            {text}
          </Text>
        )}
        {action && <div style={{ marginTop: 8 }}>{action}</div>}
      </Stack>
    </Center>
  );
}
