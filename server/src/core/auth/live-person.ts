import { type SqlBool, sql } from 'kysely';
import type { UserActor } from './actor';

/**
 * What makes a person able to act at all — active, in an active organization, access not expired — written once for
 * every credential (sessions, API tokens, share links). Queries join `users as u` and `organizations as o`.
 */
export function personIsLive(nowIso: string) {
  return sql<SqlBool>`(u.status = 'active' and o.status = 'active' and (u.access_expires_at is null or u.access_expires_at > ${nowIso}))`;
}

/** The columns an actor is built from (`users as u`, `organizations as o`). */
export const actorColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.organization_id',
  'u.is_admin',
  'u.is_org_admin',
  'u.totp_enabled',
  'o.is_host',
] as const;

type ActorRow = {
  id: string;
  email: string;
  name: string;
  organization_id: string;
  is_admin: number;
  is_org_admin: number;
  totp_enabled: number;
  is_host: number;
};

export function toUserActor(row: ActorRow, credential: Pick<UserActor, 'via' | 'sessionId' | 'tokenId'>): UserActor {
  return {
    kind: 'user',
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organization_id,
    isHostOrganization: row.is_host === 1,
    isAdmin: row.is_admin === 1,
    isOrgAdmin: row.is_org_admin === 1,
    twoFactorEnabled: row.totp_enabled === 1,
    ...credential,
  };
}
