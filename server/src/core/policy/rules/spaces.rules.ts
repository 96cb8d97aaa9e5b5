import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { isActive, isHostStaff, isSuperuser, manages, ownsSpace, readsSpace } from '../predicates';
import type { SpaceOrganizationResource, SpaceResource } from '../resources';

type SpaceAction = ModuleAction<'spaces'>;
const inSpace = (space: SpaceResource) => ({ spaceId: space.id, spaceStatus: space.status, myRole: space.myRole });

/** Space rules: members see their space; owners and managers run it; host admins run every space. */
export const spaceRules = {
  'space.read': (actor: Actor, space: SpaceResource) => readsSpace(actor, space),
  'space.read_members': (actor: Actor, space: SpaceResource) => readsSpace(actor, space),
  'space.update': (actor: Actor, space: SpaceResource) => isActive(inSpace(space)) && manages(actor, space),
  /** Which capabilities (documents, discussions, …) the space has: changed by its managers. */
  'space.manage_capabilities': (actor: Actor, space: SpaceResource) =>
    isActive(inSpace(space)) && manages(actor, space),
  'space.manage_members': (actor: Actor, space: SpaceResource) => isActive(inSpace(space)) && manages(actor, space),
  /** Making, unmaking or removing an owner: a manager cannot outrank themselves. */
  'space.manage_owners': (actor: Actor, space: SpaceResource) => isActive(inSpace(space)) && ownsSpace(actor, space),
  'space.invite': (actor: Actor, space: SpaceResource) => isActive(inSpace(space)) && manages(actor, space),
  'space.archive': (actor: Actor, space: SpaceResource) => isActive(inSpace(space)) && ownsSpace(actor, space),
} satisfies RuleTable<SpaceAction, SpaceResource>;

const asSpace = (item: SpaceOrganizationResource): SpaceResource => ({
  type: 'space',
  id: item.spaceId,
  status: item.spaceStatus,
  myRole: item.myRole,
});

/**
 * Which organizations a manager may bring people from. Host admins: any. Other managers: an organization that already
 * takes part in the space — a customer's manager brings in colleagues, not a competitor. The host organization only
 * for managers who are host staff themselves: a partner must never mint host accounts, which see far more than one
 * space.
 */
export const spaceOrganizationRules = {
  'space.read': (actor: Actor, item: SpaceOrganizationResource) => spaceRules['space.read'](actor, asSpace(item)),
  'space.bring_in_from': (actor: Actor, item: SpaceOrganizationResource) =>
    spaceRules['space.invite'](actor, asSpace(item)) &&
    (isSuperuser(actor) || (item.isHost ? isHostStaff(actor) : item.takesPart)),
} satisfies RuleTable<SpaceAction, SpaceOrganizationResource>;

export const spaceGlobalRules = {
  /** Host staff open spaces for their partners; partners never create spaces themselves. */
  'space.create': (actor: Actor) => isHostStaff(actor),
  'admin.spaces': (actor: Actor) => isSuperuser(actor),
} satisfies RuleTable<SpaceAction, unknown>;
