import type { SpaceRole } from '@gatehouse/contracts';
import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { roleColors } from '../space-kinds';

export function RoleBadge({ role }: { role: SpaceRole }) {
  const t = useT();
  return (
    <Badge color={roleColors[role]} variant="light" radius="sm">
      {t(`roles.${role}`)}
    </Badge>
  );
}
