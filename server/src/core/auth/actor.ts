/** Who is making a request. Every service receives one through its context; the policy decides from it alone. */
export type UserActor = {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  organizationId: string;
  isHostOrganization: boolean;
  isAdmin: boolean;
  isOrgAdmin: boolean;
  twoFactorEnabled: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
};

export type AnonymousActor = { kind: 'anonymous' };

/** The operator CLI: trusted like a host admin, audited as "system". */
export type SystemActor = { kind: 'system'; label: string };

export type Actor = UserActor | AnonymousActor | SystemActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

/** Host admins and the operator CLI may administer everything. */
export function isSuperuser(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin && actor.isHostOrganization);
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

export function actorLabel(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system (${actor.label})`;
  return null;
}
