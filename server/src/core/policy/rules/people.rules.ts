import type { Actor } from '../../auth/actor';
import { isSuperuser } from '../../auth/actor';
import type { PersonResource } from '../resources';

/** A partner admin manages the people of their own organization, except host admins and themselves. */
const managesPerson = (actor: Actor, person: PersonResource) =>
  isSuperuser(actor) ||
  (actor.kind === 'user' && actor.isOrgAdmin && actor.organizationId === person.organizationId && !person.isAdmin);

export const personRules = {
  'person.read': (actor: Actor, person: PersonResource) =>
    isSuperuser(actor) ||
    (actor.kind === 'user' && (actor.id === person.id || actor.organizationId === person.organizationId)) ||
    person.sharesSpace,
  'person.update': (actor: Actor, person: PersonResource) => managesPerson(actor, person),
  'person.disable': (actor: Actor, person: PersonResource) =>
    managesPerson(actor, person) && !(actor.kind === 'user' && actor.id === person.id),
} as const;
