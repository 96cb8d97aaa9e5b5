import type { SpaceRole } from '@gatehouse/contracts';
import type { DbOrTrx } from '../../core/db/database';

/** Members with the person (if any) and the organization they stand for: the person's own, or the member itself. */
function membersWithPeople(db: DbOrTrx) {
  return db
    .selectFrom('space_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('organizations as po', 'po.id', 'u.organization_id')
    .leftJoin('organizations as mo', 'mo.id', 'm.organization_id')
    .select([
      'm.id',
      'm.space_id',
      'm.role',
      'm.expires_at',
      'm.created_at',
      'm.user_id',
      'm.organization_id',
      'u.name as person_name',
      'u.email as person_email',
      'u.status as person_status',
      'po.id as person_organization_id',
      'po.name as person_organization_name',
      'po.kind as person_organization_kind',
      'mo.name as organization_name',
      'mo.kind as organization_kind',
    ]);
}

export type MemberRow = NonNullable<Awaited<ReturnType<typeof getMemberOfSpace>>>;

export function listMembersOfSpace(db: DbOrTrx, spaceId: string) {
  return membersWithPeople(db).where('m.space_id', '=', spaceId).orderBy('m.created_at', 'asc').execute();
}

/** The membership only when it belongs to that space, so a member id from another space answers 404. */
export function getMemberOfSpace(db: DbOrTrx, args: { spaceId: string; memberId: string }) {
  return membersWithPeople(db)
    .where('m.space_id', '=', args.spaceId)
    .where('m.id', '=', args.memberId)
    .executeTakeFirst();
}

export function findMembership(db: DbOrTrx, args: { spaceId: string; userId?: string; organizationId?: string }) {
  return db
    .selectFrom('space_members')
    .select('id')
    .where('space_id', '=', args.spaceId)
    .$if(Boolean(args.userId), (qb) => qb.where('user_id', '=', args.userId as string))
    .$if(!args.userId, (qb) =>
      qb.where('user_id', 'is', null).where('organization_id', '=', args.organizationId as string),
    )
    .executeTakeFirst();
}

/** Other live owner memberships of the space: the guard against leaving a space without an owner. */
export async function countOtherLiveOwners(
  db: DbOrTrx,
  args: { spaceId: string; exceptMemberId: string; nowIso: string },
) {
  const row = await db
    .selectFrom('space_members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('space_id', '=', args.spaceId)
    .where('role', '=', 'owner')
    .where('id', '!=', args.exceptMemberId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', args.nowIso)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the organization takes part in the space: as a member itself or through one of its people. */
export async function organizationTakesPart(
  db: DbOrTrx,
  args: { spaceId: string; organizationId: string; nowIso: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('space_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('m.space_id', '=', args.spaceId)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', args.nowIso)]))
    .where((eb) =>
      eb.or([
        eb.and([eb('m.user_id', 'is', null), eb('m.organization_id', '=', args.organizationId)]),
        eb('u.organization_id', '=', args.organizationId),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export function insertMember(
  db: DbOrTrx,
  row: {
    id: string;
    spaceId: string;
    userId: string | null;
    organizationId: string | null;
    role: SpaceRole;
    expiresAt: string | null;
    createdBy: string | null;
    nowIso: string;
  },
) {
  return db
    .insertInto('space_members')
    .values({
      id: row.id,
      space_id: row.spaceId,
      user_id: row.userId,
      organization_id: row.userId ? null : row.organizationId,
      role: row.role,
      expires_at: row.expiresAt,
      created_by: row.createdBy,
      created_at: row.nowIso,
    })
    .execute();
}

export function updateMemberRow(
  db: DbOrTrx,
  args: { id: string; set: Partial<{ role: SpaceRole; expires_at: string | null }> },
) {
  return db.updateTable('space_members').set(args.set).where('id', '=', args.id).execute();
}

export function deleteMember(db: DbOrTrx, id: string) {
  return db.deleteFrom('space_members').where('id', '=', id).execute();
}
