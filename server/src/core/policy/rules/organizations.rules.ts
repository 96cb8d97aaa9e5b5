import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { inOrganization, isSuperuser } from '../predicates';
import type { OrganizationResource } from '../resources';

type OrganizationsAction = ModuleAction<'organizations'>;

/** People see their own organization and those they share a space with. */
const seesOrganization = (actor: Actor, org: OrganizationResource) =>
  isSuperuser(actor) || inOrganization(actor, org.id) || org.sharesSpace;

/** Organization rules: host admins manage them all; the host organization itself is never disabled. */
export const organizationRules = {
  'organization.read': seesOrganization,
  'organization.update': (actor: Actor, _org: OrganizationResource) => isSuperuser(actor),
  'organization.disable': (actor: Actor, org: OrganizationResource) => isSuperuser(actor) && !org.isHost,
  'organization.list_people': seesOrganization,
} satisfies RuleTable<OrganizationsAction, OrganizationResource>;

export const organizationGlobalRules = {
  'organization.create': (actor: Actor) => isSuperuser(actor),
  'admin.organizations': (actor: Actor) => isSuperuser(actor),
} satisfies RuleTable<OrganizationsAction, unknown>;
