import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { inOrganization, isOrganizationAdmin, isSuperuser, owns } from '../predicates';
import type { OrganizationResource, PersonResource } from '../resources';

type PeopleAction = ModuleAction<'people'>;

/** A partner admin manages the people of their own organization, except host admins. */
const managesPerson = (actor: Actor, person: PersonResource) =>
  isSuperuser(actor) || (isOrganizationAdmin(actor) && inOrganization(actor, person.organizationId) && !person.isAdmin);

export const personRules = {
  'person.read': (actor: Actor, person: PersonResource) =>
    isSuperuser(actor) || owns(actor, person.id) || inOrganization(actor, person.organizationId) || person.sharesSpace,
  'person.update': managesPerson,
  'person.disable': (actor: Actor, person: PersonResource) => managesPerson(actor, person) && !owns(actor, person.id),
  /**
   * Granting or removing administrator rights: only host admins, and only to host people — a partner can never
   * administer the extranet.
   */
  'person.grant_admin': (actor: Actor, person: PersonResource) => isSuperuser(actor) && person.inHostOrganization,
} satisfies RuleTable<PeopleAction, PersonResource>;

/** Inviting into an organization: partner admins into their own only; host admins anywhere. */
export const organizationPeopleRules = {
  'person.invite': (actor: Actor, org: OrganizationResource) =>
    isSuperuser(actor) || (isOrganizationAdmin(actor) && inOrganization(actor, org.id)),
  /** Inviting someone as an administrator: host admins, into the host organization only. */
  'person.grant_admin': (actor: Actor, org: OrganizationResource) => isSuperuser(actor) && org.isHost,
} satisfies RuleTable<PeopleAction, OrganizationResource>;

export const peopleGlobalRules = {
  /** Whether the actor may invite into at least one organization (the list pages show the button from this). */
  'person.invite': (actor: Actor) => isOrganizationAdmin(actor),
  'admin.people': (actor: Actor) => isOrganizationAdmin(actor),
} satisfies RuleTable<PeopleAction, unknown>;
