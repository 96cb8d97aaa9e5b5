import type { Actor } from '../../core/auth/actor';
import type { DbOrTrx } from '../../core/db/database';
import { visibleSpaces } from '../../core/policy/scopes';

/**
 * Spaces with what responses and the policy need: the actor's strongest live role (their own membership or their
 * organization's) and the number of live members. Expired memberships count for nothing.
 */
function spacesWithFacts(db: DbOrTrx, actor: Actor, nowIso: string) {
  // Ids that match no row for actors who are not people (the system actor relies on being a superuser instead).
  const userId = actor.kind === 'user' ? actor.id : '';
  const organizationId = actor.kind === 'user' ? actor.organizationId : '';
  return db.selectFrom('spaces').select((eb) => [
    'spaces.id',
    'spaces.name',
    'spaces.slug',
    'spaces.kind',
    'spaces.description',
    'spaces.status',
    'spaces.created_at',
    eb
      .selectFrom('space_members as rm')
      .select((rb) =>
        rb.fn
          .max(
            rb.case('rm.role').when('owner').then(4).when('manager').then(3).when('contributor').then(2).else(1).end(),
          )
          .as('rank'),
      )
      .whereRef('rm.space_id', '=', 'spaces.id')
      .where((rb) =>
        rb.or([
          rb('rm.user_id', '=', userId),
          rb.and([rb('rm.user_id', 'is', null), rb('rm.organization_id', '=', organizationId)]),
        ]),
      )
      .where((rb) => rb.or([rb('rm.expires_at', 'is', null), rb('rm.expires_at', '>', nowIso)]))
      .as('my_role_rank'),
    eb
      .selectFrom('space_members as cm')
      .select((cb) => cb.fn.countAll().as('n'))
      .whereRef('cm.space_id', '=', 'spaces.id')
      .where((cb) => cb.or([cb('cm.expires_at', 'is', null), cb('cm.expires_at', '>', nowIso)]))
      .as('member_count'),
  ]);
}

export type SpaceRow = NonNullable<Awaited<ReturnType<typeof getSpaceWithFacts>>>;

/** One space, visible or not: the caller hands it to the policy, which answers 404 when it is not visible. */
export function getSpaceWithFacts(db: DbOrTrx, args: { actor: Actor; nowIso: string; id: string }) {
  return spacesWithFacts(db, args.actor, args.nowIso).where('spaces.id', '=', args.id).executeTakeFirst();
}

export function listVisibleSpaces(db: DbOrTrx, args: { actor: Actor; nowIso: string }) {
  return spacesWithFacts(db, args.actor, args.nowIso)
    .where(visibleSpaces(db, args.actor, args.nowIso))
    .orderBy('spaces.name', 'asc')
    .orderBy('spaces.id', 'asc')
    .execute();
}

/** Ignores scopes: slugs are unique across every space. Slugs hold only [a-z0-9-], so LIKE needs no escaping. */
export async function unsafeListSlugsStartingWith(db: DbOrTrx, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('spaces')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((row) => row.slug);
}

export function insertSpace(
  db: DbOrTrx,
  row: {
    id: string;
    name: string;
    slug: string;
    kind: string;
    description: string;
    createdBy: string | null;
    nowIso: string;
  },
) {
  return db
    .insertInto('spaces')
    .values({
      id: row.id,
      name: row.name,
      slug: row.slug,
      kind: row.kind,
      description: row.description,
      status: 'active',
      created_by: row.createdBy,
      created_at: row.nowIso,
      updated_at: row.nowIso,
    })
    .execute();
}

export function updateSpaceRow(
  db: DbOrTrx,
  args: {
    id: string;
    nowIso: string;
    set: Partial<{ name: string; description: string; status: 'active' | 'archived' }>;
  },
) {
  return db
    .updateTable('spaces')
    .set({ ...args.set, updated_at: args.nowIso })
    .where('id', '=', args.id)
    .execute();
}

/** The capabilities turned on in each of these spaces (a space with none maps to an empty list). */
export async function listCapabilitiesOf(db: DbOrTrx, spaceIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(spaceIds.map((id) => [id, []]));
  if (spaceIds.length === 0) return result;
  const rows = await db
    .selectFrom('space_capabilities')
    .select(['space_id', 'capability'])
    .where('space_id', 'in', spaceIds)
    .orderBy('capability', 'asc')
    .execute();
  for (const row of rows) result.get(row.space_id)?.push(row.capability);
  return result;
}

/** Makes `capabilities` exactly the list turned on in the space. */
export async function replaceCapabilities(db: DbOrTrx, args: { spaceId: string; capabilities: readonly string[] }) {
  await db.deleteFrom('space_capabilities').where('space_id', '=', args.spaceId).execute();
  if (args.capabilities.length === 0) return;
  await db
    .insertInto('space_capabilities')
    .values(args.capabilities.map((capability) => ({ space_id: args.spaceId, capability })))
    .execute();
}
