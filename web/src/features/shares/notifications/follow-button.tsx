import { Button, Tooltip } from '@mantine/core';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { Icon } from '../../../ui/icons';

/** Follow / Following toggle for the folder being browsed. */
export function FollowButton({ folder }: { folder: { id: string; abilities: Record<string, boolean> } }) {
  const t = useT();
  const state = useApiQuery('getFolderFollow', { params: { id: folder.id } });
  const follow = useApiMutation('followFolder', { invalidates: ['getFolderFollow'] });
  const unfollow = useApiMutation('unfollowFolder', { invalidates: ['getFolderFollow'] });
  if (!can(folder.abilities, 'folder.follow') || !state.data) return null;
  const following = state.data.following;
  const toggle = () => (following ? unfollow : follow).mutate({ params: { id: folder.id } });
  return (
    <Tooltip label={following ? t('notifications.unfollowHint') : t('notifications.followHint')} multiline w={260}>
      <Button
        size="xs"
        variant={following ? 'light' : 'default'}
        leftSection={<Icon name={following ? 'check' : 'eye'} size={14} />}
        loading={follow.isPending || unfollow.isPending}
        aria-pressed={following}
        onClick={toggle}
      >
        {following ? t('notifications.following') : t('notifications.follow')}
      </Button>
    </Tooltip>
  );
}
