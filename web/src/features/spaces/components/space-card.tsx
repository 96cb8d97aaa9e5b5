import type { Space } from '@gatehouse/contracts';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { KindIcon } from './kind-icon';
import { RoleBadge } from './role-badge';
import classes from './spaces.module.css';

/**
 * The whole card opens the space, yet only its name is the link (stretched over the card in CSS): a link named after
 * the space would otherwise hide the description, kind and count that a person sees inside it (WCAG 2.5.3).
 */
export function SpaceCard({ space }: { space: Space }) {
  const t = useT();
  return (
    <Card padding="lg" className={classes.card}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <KindIcon kind={space.kind} />
        <Group gap={6} justify="flex-end">
          {space.status === 'archived' && (
            <Badge color="gray" variant="outline" radius="sm">
              {t('status.archived')}
            </Badge>
          )}
          {space.myRole && <RoleBadge role={space.myRole} />}
        </Group>
      </Group>
      <Stack gap={4} mt="md" style={{ flex: 1 }}>
        <Anchor
          component={Link}
          to={`/spaces/${space.id}`}
          c="inherit"
          underline="never"
          fw={650}
          fz="lg"
          lineClamp={2}
          className={classes.cardLink}
        >
          {space.name}
        </Anchor>
        <Text fz="sm" c="dimmed" lineClamp={2}>
          {space.description || t('spaces.noDescription')}
        </Text>
      </Stack>
      <Group justify="space-between" mt="md" fz="xs" c="dimmed">
        <Text fz="xs" c="dimmed">
          {t(`spaceKinds.${space.kind}`)}
        </Text>
        <Text fz="xs" c="dimmed">
          {t.plural('spaces.memberCount', space.memberCount)}
        </Text>
      </Group>
    </Card>
  );
}
