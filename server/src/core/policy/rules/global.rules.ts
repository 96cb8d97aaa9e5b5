import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';

/** Actions on no particular resource. */
export const globalRules = {
  'organization.create': (actor: Actor) => isSuperuser(actor),
  /** Host staff open spaces for their partners; partners never create spaces themselves. */
  'space.create': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isHostOrganization),
  /** Whether the actor may invite into at least one organization (the list pages show the button from this). */
  'person.invite': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isOrgAdmin),
  'audit.read': (actor: Actor) => isSuperuser(actor),
  'admin.organizations': (actor: Actor) => isSuperuser(actor),
  'admin.people': (actor: Actor) => isSuperuser(actor) || (actor.kind === 'user' && actor.isOrgAdmin),
  'admin.spaces': (actor: Actor) => isSuperuser(actor),
  'admin.audit': (actor: Actor) => isSuperuser(actor),
} as const;
