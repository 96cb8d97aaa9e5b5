import type { Space } from '@gatehouse/contracts';
import { ThemeIcon } from '@mantine/core';
import { Icon } from '../../../ui/icons';
import { spaceKinds } from '../space-kinds';

export function KindIcon({ kind, size = 40 }: { kind: Space['kind']; size?: number }) {
  const { icon, color } = spaceKinds[kind];
  return (
    <ThemeIcon size={size} radius="md" color={color} variant="light">
      <Icon name={icon} size={Math.round(size * 0.55)} />
    </ThemeIcon>
  );
}
