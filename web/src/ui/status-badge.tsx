import { Badge } from '@mantine/core';
import { useT } from '../lib/i18n';

export type Status = 'active' | 'invited' | 'disabled' | 'archived' | 'success' | 'failure' | 'expired';

const colors: Record<Status, string> = {
  active: 'teal',
  invited: 'blue',
  disabled: 'gray',
  archived: 'gray',
  success: 'teal',
  failure: 'red',
  expired: 'orange',
};

export function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  return (
    <Badge color={colors[status]} variant="light" radius="sm" miw="max-content">
      {t(`status.${status}`)}
    </Badge>
  );
}
