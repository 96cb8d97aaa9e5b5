import type { SpaceKind, SpaceRole } from '@gatehouse/contracts';
import type { z } from 'zod';
import type { IconName } from '../../ui/icons';

type Kind = z.infer<typeof SpaceKind>;

/** Each kind of space has its icon and colour, so people recognise a space at a glance. */
export const spaceKinds: Record<Kind, { icon: IconName; color: string }> = {
  client: { icon: 'briefcase', color: 'indigo' },
  supplier: { icon: 'truck', color: 'orange' },
  project: { icon: 'rocket', color: 'teal' },
  board: { icon: 'gavel', color: 'grape' },
  network: { icon: 'network', color: 'cyan' },
  collection: { icon: 'stack', color: 'blue' },
  dataroom: { icon: 'lock', color: 'red' },
};

export const kindList = Object.keys(spaceKinds) as Kind[];

export const roleColors: Record<SpaceRole, string> = {
  owner: 'grape',
  manager: 'indigo',
  contributor: 'teal',
  viewer: 'gray',
};

export const roleList: SpaceRole[] = ['owner', 'manager', 'contributor', 'viewer'];
