import type { DbOrTrx } from '../../core/db/database';
import { hashToken } from '../../core/ids';
import type { OneTimeTokensTable } from './identity.tables';

const personColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.status',
  'u.is_admin',
  'u.is_org_admin',
  'u.access_expires_at',
  'u.password_hash',
  'u.totp_secret',
  'u.totp_enabled',
  'u.totp_last_step',
  'u.locale',
  'u.organization_id',
  'o.name as organization_name',
  'o.kind as organization_kind',
  'o.is_host as organization_is_host',
  'o.status as organization_status',
] as const;

function personQuery(db: DbOrTrx) {
  return db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.organization_id').select(personColumns);
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof getPersonById>>>;

export function getPersonById(db: DbOrTrx, id: string) {
  return personQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export function findPersonByEmail(db: DbOrTrx, email: string) {
  return personQuery(db).where('u.email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Whether the person may hold a session now: the same conditions resolveSession re-checks on every request. */
export function canSignIn(person: PersonRow, nowIso: string): boolean {
  return (
    person.status === 'active' &&
    person.organization_status === 'active' &&
    (person.access_expires_at === null || person.access_expires_at > nowIso)
  );
}

/** An unused, unexpired one-time token of the given purpose, looked up by the hash of the secret. */
export function findLiveOneTimeToken(
  db: DbOrTrx,
  input: { purpose: OneTimeTokensTable['purpose']; token: string; nowIso: string },
) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(input.token))
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.nowIso)
    .executeTakeFirst();
}

/** Marks a one-time token used; false when another request consumed it first, so a link never works twice. */
export async function consumeOneTimeToken(db: DbOrTrx, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every unused token of a purpose dies, e.g. older reset links when a new one is sent. */
export async function expireOneTimeTokens(
  db: DbOrTrx,
  input: { purpose: OneTimeTokensTable['purpose']; userId: string | null; nowIso: string },
) {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: input.nowIso })
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .$if(input.userId !== null, (qb) => qb.where('user_id', '=', input.userId as string))
    .execute();
}

export function getInvitationDetails(
  db: DbOrTrx,
  input: { userId: string; spaceId: string | null; createdBy: string | null },
) {
  return Promise.all([
    getPersonById(db, input.userId),
    input.spaceId
      ? db.selectFrom('spaces').select('name').where('id', '=', input.spaceId).executeTakeFirst()
      : Promise.resolve(undefined),
    input.createdBy
      ? db.selectFrom('users').select('name').where('id', '=', input.createdBy).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
}

export function getHostOrganization(db: DbOrTrx) {
  return db.selectFrom('organizations').select(['id', 'name']).where('is_host', '=', 1).executeTakeFirst();
}

/**
 * Any host admin, whatever their status: disabling the last admin must not reopen the first-run setup, which would
 * hand the instance to whoever starts it next.
 */
export async function hostAdminExists(db: DbOrTrx): Promise<boolean> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select('u.id')
    .where('o.is_host', '=', 1)
    .where('u.is_admin', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function listOpenSessions(db: DbOrTrx, input: { userId: string; nowIso: string }) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .where('mfa_pending', '=', 0)
    .where('expires_at', '>', input.nowIso)
    .where('idle_expires_at', '>', input.nowIso)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function listApiTokens(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
