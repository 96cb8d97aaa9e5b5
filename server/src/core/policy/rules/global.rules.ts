import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';

/** Actions on no particular resource, grouped by the module that owns them. */
export const organizationGlobalRules = {
  'organization.create': (actor: Actor) => isSuperuser(actor),
  'admin.organizations': (actor: Actor) => isSuperuser(actor),
} as const;

export const spaceGlobalRules = {
  /** Host staff open spaces for their partners; partners never create spaces themselves. */
  'space.create': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isHostOrganization),
  'admin.spaces': (actor: Actor) => isSuperuser(actor),
} as const;

export const peopleGlobalRules = {
  /** Whether the actor may invite into at least one organization (the list pages show the button from this). */
  'person.invite': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isOrgAdmin),
  'admin.people': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isOrgAdmin),
} as const;

export const auditGlobalRules = {
  'audit.read': (actor: Actor) => isSuperuser(actor),
  'admin.audit': (actor: Actor) => isSuperuser(actor),
} as const;
