import type { Space } from '@gatehouse/contracts';
import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { Icon } from '../../../ui/icons';
import { describeCapability } from '../space-capabilities';

/** What the space offers its members: each capability turned on, with what it does. */
export function CapabilityList({ space }: { space: Space }) {
  const t = useT();
  return (
    <Paper withBorder p="lg">
      <Text fw={600} mb="sm">
        {t('capabilities.title')}
      </Text>
      {space.capabilities.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {can(space.abilities, 'space.manage_capabilities') ? t('capabilities.noneManager') : t('capabilities.none')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {space.capabilities.map((id) => {
            const entry = describeCapability(id);
            return (
              <Group key={id} component="li" gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size={32} radius="md" aria-hidden>
                  <Icon name={'icon' in entry ? entry.icon : 'stack'} size={18} />
                </ThemeIcon>
                <div>
                  <Text fw={600} fz="sm">
                    {'labelKey' in entry ? t(entry.labelKey) : entry.label}
                  </Text>
                  {'descriptionKey' in entry && (
                    <Text fz="sm" c="dimmed">
                      {t(entry.descriptionKey)}
                    </Text>
                  )}
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
