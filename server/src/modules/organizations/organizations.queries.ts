import type { Actor } from '../../core/auth/actor';
import type { DbOrTrx } from '../../core/db/database';
import { containsText } from '../../core/db/dialect';
import { sharesSpaceWithOrganization, visibleOrganizations } from '../../core/policy/scopes';

/** Organizations with what responses and the policy need: head count and whether the actor shares a space with them. */
function organizationsWithFacts(db: DbOrTrx, actor: Actor, nowIso: string) {
  return db.selectFrom('organizations').select((eb) => [
    'organizations.id',
    'organizations.name',
    'organizations.kind',
    'organizations.is_host',
    'organizations.status',
    'organizations.created_at',
    eb
      .selectFrom('users')
      .select(eb.fn.countAll().as('n'))
      .whereRef('users.organization_id', '=', 'organizations.id')
      .as('people_count'),
    eb
      .case()
      .when(sharesSpaceWithOrganization(db, actor, nowIso)(eb))
      .then(1)
      .else(0)
      .end()
      .as('shares_space'),
  ]);
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof getOrganizationWithFacts>>>;

/** One organization, visible or not: the caller hands it to the policy, which answers 404 when it is not visible. */
export function getOrganizationWithFacts(db: DbOrTrx, args: { actor: Actor; nowIso: string; id: string }) {
  return organizationsWithFacts(db, args.actor, args.nowIso).where('organizations.id', '=', args.id).executeTakeFirst();
}

export function listVisibleOrganizations(
  db: DbOrTrx,
  args: { actor: Actor; nowIso: string; q?: string; kind?: string },
) {
  return organizationsWithFacts(db, args.actor, args.nowIso)
    .where(visibleOrganizations(db, args.actor, args.nowIso))
    .$if(Boolean(args.q), (qb) => qb.where(containsText(db, 'organizations.name', args.q as string)))
    .$if(Boolean(args.kind), (qb) => qb.where('organizations.kind', '=', args.kind as string))
    .orderBy('organizations.is_host', 'desc')
    .orderBy('organizations.name', 'asc')
    .execute();
}

/** Ignores scopes: used to enforce unique names, which must hold across organizations the actor cannot see. */
export function unsafeFindOrganizationIdByNameKey(db: DbOrTrx, nameKey: string) {
  return db.selectFrom('organizations').select('id').where('name_key', '=', nameKey).executeTakeFirst();
}

export function unsafeFindHostOrganization(db: DbOrTrx) {
  return db.selectFrom('organizations').select(['id', 'name']).where('is_host', '=', 1).executeTakeFirst();
}

export function insertOrganization(
  db: DbOrTrx,
  row: { id: string; name: string; nameKey: string; kind: string; isHost: boolean; nowIso: string },
) {
  return db
    .insertInto('organizations')
    .values({
      id: row.id,
      name: row.name,
      name_key: row.nameKey,
      kind: row.kind,
      is_host: row.isHost ? 1 : 0,
      status: 'active',
      created_at: row.nowIso,
      updated_at: row.nowIso,
    })
    .execute();
}

export function updateOrganizationRow(
  db: DbOrTrx,
  args: { id: string; nowIso: string; name?: string; nameKey?: string; kind?: string; status?: 'active' | 'disabled' },
) {
  return db
    .updateTable('organizations')
    .set({
      updated_at: args.nowIso,
      ...(args.name !== undefined ? { name: args.name, name_key: args.nameKey } : {}),
      ...(args.kind !== undefined ? { kind: args.kind } : {}),
      ...(args.status !== undefined ? { status: args.status } : {}),
    })
    .where('id', '=', args.id)
    .execute();
}

/** Everyone in the organization whatever their status: a disabled person may still hold an API token. */
export async function unsafeListPersonIdsOfOrganization(db: DbOrTrx, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('organization_id', '=', organizationId).execute();
  return rows.map((row) => row.id);
}
