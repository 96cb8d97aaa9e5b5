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

type AnonymousActor = { kind: 'anonymous' };

/** The operator CLI: trusted like a host admin, audited as "system". */
type SystemActor = { kind: 'system'; label: string };

/**
 * Someone without an account holding a share link or a document request link. Never a superuser and never a member
 * of a space: the policy's `link` rules decide what they may do with their own link (open it, download within its
 * limits, upload to a request's items), and the link's services act for its creator where the documents module needs
 * a member.
 */
export type ShareVisitorActor = {
  kind: 'share_visitor';
  via: 'share_link' | 'document_request';
  /** The share link or document request id. */
  grantId: string;
  /** The visitor's e-mail address when it was verified (share links) or the request's recipient. */
  email: string | null;
};

export type Actor = UserActor | AnonymousActor | SystemActor | ShareVisitorActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

export function actorLabel(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system (${actor.label})`;
  if (actor.kind === 'share_visitor') {
    const what = actor.via === 'share_link' ? 'share link' : 'document request';
    return `${what} ${actor.grantId}${actor.email ? ` (${actor.email})` : ''}`;
  }
  return null;
}
