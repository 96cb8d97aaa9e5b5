import type { Actor } from '../../core/auth/actor';
import type { PersonResource } from '../../core/policy/resources';

export function personResource(row: {
  id: string;
  organization_id: string;
  is_admin: number;
  organization_is_host: number;
  shares_space: number;
}): PersonResource {
  return {
    type: 'person',
    id: row.id,
    organizationId: row.organization_id,
    inHostOrganization: Number(row.organization_is_host) === 1,
    isAdmin: row.is_admin === 1,
    sharesSpace: Number(row.shares_space) === 1,
  };
}

/**
 * Who answers for a new outsider when the inviter names nobody: the inviting host person, or — when a partner admin
 * invites a colleague — the partner admin's own sponsor. People of the host organization need no sponsor.
 */
export function defaultSponsorId(input: {
  actor: Actor;
  actorSponsorId: string | null;
  intoHostOrganization: boolean;
}): string | null {
  if (input.intoHostOrganization || input.actor.kind !== 'user') return null;
  return input.actor.isHostOrganization ? input.actor.id : input.actorSponsorId;
}

/** Someone who never chose a password goes back to waiting for their invitation, not to an account they cannot use. */
export function statusWhenEnabled(hasPassword: boolean): 'active' | 'invited' {
  return hasPassword ? 'active' : 'invited';
}
