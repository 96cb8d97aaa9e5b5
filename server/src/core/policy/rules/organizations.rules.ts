import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';
import type { OrganizationResource } from '../resources';

const ownOrganization = (actor: Actor, org: OrganizationResource) =>
  actor.kind === 'user' && actor.organizationId === org.id;

/** Organization rules: host admins manage them all; people see their own and those they share a space with. */
export const organizationRules = {
  'organization.read': (actor: Actor, org: OrganizationResource) =>
    isSuperuser(actor) || ownOrganization(actor, org) || org.sharesSpace,
  'organization.update': (actor: Actor, _org: OrganizationResource) => isSuperuser(actor),
  'organization.disable': (actor: Actor, org: OrganizationResource) => isSuperuser(actor) && !org.isHost,
  'organization.list_people': (actor: Actor, org: OrganizationResource) =>
    isSuperuser(actor) || ownOrganization(actor, org) || org.sharesSpace,
  /** Partner admins invite into their own organization only; host admins anywhere. */
  'person.invite': (actor: Actor, org: OrganizationResource) =>
    isSuperuser(actor) || (actor.kind === 'user' && actor.isOrgAdmin && ownOrganization(actor, org)),
} as const;
