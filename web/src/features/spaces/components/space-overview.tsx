import type { Space } from '@gatehouse/contracts';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { CapabilityList } from './capability-list';

/** The overview tab of every space: its description and a few facts. */
export function SpaceOverview({ space }: { space: Space }) {
  const t = useT();
  const { locale } = useLocale();
  const facts = [
    { label: t('space.kind'), value: t(`spaceKinds.${space.kind}`) },
    { label: t('space.yourRole'), value: space.myRole ? t(`roles.${space.myRole}`) : t('space.noRole') },
    { label: t('space.members'), value: String(space.memberCount) },
    { label: t('space.created'), value: formatDate(space.createdAt, locale) },
  ];
  return (
    <Stack>
      <Paper withBorder p="lg">
        <Text fw={600} mb={6}>
          {t('space.about')}
        </Text>
        <Text c={space.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {space.description || t('spaces.noDescription')}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        {facts.map((fact) => (
          <Paper key={fact.label} withBorder p="md">
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {fact.label}
            </Text>
            <Text fw={600} mt={4}>
              {fact.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text fz="sm" c="dimmed">
        {t(`spaceKindHints.${space.kind}`)}
      </Text>
      <CapabilityList space={space} />
    </Stack>
  );
}
