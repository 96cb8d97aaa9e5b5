import { Group, Text } from '@mantine/core';
import classes from './ui.module.css';

/** The product mark: a gate under a roof, on the primary colour. */
export function LogoMark({ size = 30 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-7)" />
      <path d="M8 25V13l8-6 8 6v12h-5v-7h-6v7z" fill="#fff" />
    </svg>
  );
}

/** `compact`: the name is left out on the narrowest phones, where a header needs the room for its buttons. */
export function Logo({ name, compact = false }: { name: string; compact?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap" className={classes.logo}>
      <LogoMark />
      <Text fw={700} fz="lg" c="indigo.9" className={compact ? classes.logoName : undefined}>
        {name}
      </Text>
    </Group>
  );
}
