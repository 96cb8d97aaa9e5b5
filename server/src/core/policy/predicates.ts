import type { SpaceRole } from '@gatehouse/contracts';
import type { Actor, ShareVisitorActor, UserActor } from '../auth/actor';
import type { InSpace } from './resources';

/**
 * The role ladder, written once. Every rules file decides with these words, so "who manages a space" means the same
 * thing for spaces, folders, documents, share links and requests. Each step includes the ones above it:
 * superuser ⊃ owner ⊃ manager ⊃ contributor ⊃ viewer.
 */

/** Host admins and the operator CLI: they administer everything, in every space, without being members. */
export function isSuperuser(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin && actor.isHostOrganization);
}

/** A person signed in (session or token): the only actor that owns rows of its own (sessions, tokens, notices). */
function isPerson(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

/** Whether the row belongs to the actor: "own row only" resources (sessions, API tokens, notifications, locks). */
export function owns(actor: Actor, ownerId: string | null): boolean {
  return isPerson(actor) && ownerId !== null && actor.id === ownerId;
}

/** Staff of the host organization (admins or not): they open spaces and may bring host people into them. */
export function isHostStaff(actor: Actor): boolean {
  return isSuperuser(actor) || (isPerson(actor) && actor.isHostOrganization);
}

/** An admin of their own organization (partner or host): invites and manages that organization's people. */
export function isOrganizationAdmin(actor: Actor): boolean {
  return isSuperuser(actor) || (isPerson(actor) && actor.isOrgAdmin);
}

/** The actor belongs to this organization. */
export function inOrganization(actor: Actor, organizationId: string): boolean {
  return isPerson(actor) && actor.organizationId === organizationId;
}

const rank: Record<SpaceRole, number> = { viewer: 1, contributor: 2, manager: 3, owner: 4 };
const atLeast = (role: SpaceRole | null, floor: SpaceRole) => role !== null && rank[role] >= rank[floor];

/** Reads the space and everything in it: any live member, and superusers. Archived spaces stay readable. */
export function readsSpace(actor: Actor, item: Pick<InSpace, 'myRole'>): boolean {
  return isSuperuser(actor) || item.myRole !== null;
}

/** Whether changes are possible at all: an archived space is frozen for everyone, superusers included. */
export function isActive(item: Pick<InSpace, 'spaceStatus'>): boolean {
  return item.spaceStatus === 'active';
}

/** Contributors and up: may change content (upload, rename, move, trash, lock) and hand files out by link. */
export function contributes(actor: Actor, item: Pick<InSpace, 'myRole'>): boolean {
  return isSuperuser(actor) || atLeast(item.myRole, 'contributor');
}

/** Managers and owners: run the space (members, settings, every share link, document requests, other's locks). */
export function manages(actor: Actor, item: Pick<InSpace, 'myRole'>): boolean {
  return isSuperuser(actor) || atLeast(item.myRole, 'manager');
}

/** Owners: archive the space and make, unmake or remove its owners — a manager cannot outrank themselves. */
export function ownsSpace(actor: Actor, item: Pick<InSpace, 'myRole'>): boolean {
  return isSuperuser(actor) || item.myRole === 'owner';
}

/** Someone holding a link (share link or document request link), acting on that very link and nothing else. */
export function holdsLink(actor: Actor, link: { id: string; kind: 'share' | 'request' }): actor is ShareVisitorActor {
  return (
    actor.kind === 'share_visitor' &&
    actor.grantId === link.id &&
    actor.via === (link.kind === 'share' ? 'share_link' : 'document_request')
  );
}
