import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';
import type { SpaceResource } from '../resources';

const isManager = (space: SpaceResource) => space.myRole === 'owner' || space.myRole === 'manager';

/** Space rules: members see their space; owners and managers run it; host admins run every space. */
export const spaceRules = {
  'space.read': (actor: Actor, space: SpaceResource) => isSuperuser(actor) || space.myRole !== null,
  'space.read_members': (actor: Actor, space: SpaceResource) => isSuperuser(actor) || space.myRole !== null,
  'space.update': (actor: Actor, space: SpaceResource) =>
    space.status === 'active' && (isSuperuser(actor) || isManager(space)),
  /** Which capabilities (documents, discussions, …) the space has: changed by its managers. */
  'space.manage_capabilities': (actor: Actor, space: SpaceResource) =>
    space.status === 'active' && (isSuperuser(actor) || isManager(space)),
  'space.manage_members': (actor: Actor, space: SpaceResource) =>
    space.status === 'active' && (isSuperuser(actor) || isManager(space)),
  'space.invite': (actor: Actor, space: SpaceResource) =>
    space.status === 'active' && (isSuperuser(actor) || isManager(space)),
  'space.archive': (actor: Actor, space: SpaceResource) =>
    space.status === 'active' && (isSuperuser(actor) || space.myRole === 'owner'),
} as const;
