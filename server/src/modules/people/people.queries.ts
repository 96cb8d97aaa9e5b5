import type { Actor } from '../../core/auth/actor';
import type { DbOrTrx } from '../../core/db/database';
import { containsText } from '../../core/db/dialect';
import { sharesSpaceWithPerson, visiblePeople } from '../../core/policy/scopes';

/** People with their organization, sponsor and whether the actor shares a space with them (for the policy). */
function peopleWithFacts(db: DbOrTrx, actor: Actor, nowIso: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations as org', 'org.id', 'users.organization_id')
    .leftJoin('users as sponsor', 'sponsor.id', 'users.sponsor_id')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.status',
      'users.is_admin',
      'users.is_org_admin',
      'users.organization_id',
      'users.sponsor_id',
      'users.access_expires_at',
      'users.totp_enabled',
      'users.last_sign_in_at',
      'users.created_at',
      'org.name as organization_name',
      'org.kind as organization_kind',
      'org.is_host as organization_is_host',
      'sponsor.name as sponsor_name',
      eb
        .case()
        .when(eb('users.password_hash', 'is not', null))
        .then(1)
        .else(0)
        .end()
        .as('has_password'),
      eb
        .case()
        .when(sharesSpaceWithPerson(db, actor, nowIso)(eb))
        .then(1)
        .else(0)
        .end()
        .as('shares_space'),
    ]);
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof getPersonWithFacts>>>;

/** One person, visible or not: the caller hands it to the policy, which answers 404 when it is not visible. */
export function getPersonWithFacts(db: DbOrTrx, args: { actor: Actor; nowIso: string; id: string }) {
  return peopleWithFacts(db, args.actor, args.nowIso).where('users.id', '=', args.id).executeTakeFirst();
}

export function listVisiblePeople(
  db: DbOrTrx,
  args: { actor: Actor; nowIso: string; organizationId?: string; status?: string; q?: string },
) {
  return peopleWithFacts(db, args.actor, args.nowIso)
    .where(visiblePeople(db, args.actor, args.nowIso))
    .$if(Boolean(args.organizationId), (qb) => qb.where('users.organization_id', '=', args.organizationId as string))
    .$if(Boolean(args.status), (qb) => qb.where('users.status', '=', args.status as 'active'))
    .$if(Boolean(args.q), (qb) =>
      qb.where((eb) =>
        eb.or([containsText(db, 'users.name', args.q as string), containsText(db, 'users.email', args.q as string)]),
      ),
    )
    .orderBy('users.name', 'asc')
    .orderBy('users.id', 'asc')
    .execute();
}

/** A host-organization person the actor may see, who is not disabled: the only acceptable sponsors. */
export function findVisibleHostPerson(db: DbOrTrx, args: { actor: Actor; nowIso: string; id: string }) {
  return db
    .selectFrom('users')
    .innerJoin('organizations as org', 'org.id', 'users.organization_id')
    .select(['users.id', 'users.name'])
    .where('users.id', '=', args.id)
    .where('org.is_host', '=', 1)
    .where('users.status', '!=', 'disabled')
    .where(visiblePeople(db, args.actor, args.nowIso))
    .executeTakeFirst();
}

/** Ignores scopes: e-mail addresses are unique across the whole extranet, visible or not. */
export function unsafeFindPersonByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'organization_id', 'status', 'sponsor_id'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function unsafeFindPersonById(db: DbOrTrx, id: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations as org', 'org.id', 'users.organization_id')
    .select(['users.id', 'users.email', 'users.organization_id', 'users.status', 'org.is_host as organization_is_host'])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export function unsafeGetSponsorIdOf(db: DbOrTrx, personId: string) {
  return db.selectFrom('users').select('sponsor_id').where('id', '=', personId).executeTakeFirst();
}

type NewPersonRow = {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  status: 'invited' | 'active';
  isAdmin: boolean;
  isOrgAdmin: boolean;
  sponsorId: string | null;
  accessExpiresAt: string | null;
  passwordHash: string | null;
  nowIso: string;
};

export function insertPerson(db: DbOrTrx, row: NewPersonRow) {
  return db
    .insertInto('users')
    .values({
      id: row.id,
      email: row.email.toLowerCase(),
      name: row.name,
      organization_id: row.organizationId,
      status: row.status,
      is_admin: row.isAdmin ? 1 : 0,
      is_org_admin: row.isOrgAdmin ? 1 : 0,
      sponsor_id: row.sponsorId,
      access_expires_at: row.accessExpiresAt,
      password_hash: row.passwordHash,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      locale: null,
      last_sign_in_at: null,
      created_at: row.nowIso,
      updated_at: row.nowIso,
    })
    .execute();
}

export function updatePersonRow(
  db: DbOrTrx,
  args: {
    id: string;
    nowIso: string;
    set: Partial<{
      name: string;
      sponsor_id: string | null;
      access_expires_at: string | null;
      is_org_admin: number;
      is_admin: number;
      status: 'invited' | 'active' | 'disabled';
    }>;
  },
) {
  return db
    .updateTable('users')
    .set({ ...args.set, updated_at: args.nowIso })
    .where('id', '=', args.id)
    .execute();
}
