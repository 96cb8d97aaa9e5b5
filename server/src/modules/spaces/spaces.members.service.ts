import type { SpaceMember, SpaceRole } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { isUniqueViolation } from '../../core/db/dialect';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { can } from '../../core/policy/policy';
import { authorizeOrganization } from '../organizations';
import { authorizePerson, unsafeLookupPersonById } from '../people';
import { lastOwner, memberExists } from './spaces.errors';
import {
  countOtherLiveOwners,
  deleteMember,
  findMembership,
  getMemberOfSpace,
  insertMember,
  listMembersOfSpace,
  type MemberRow,
  organizationTakesPart,
  updateMemberRow,
} from './spaces.members.queries';
import { losesOwnership, roleRank, spaceResource } from './spaces.models';
import type { SpaceRow } from './spaces.queries';
import { authorizeSpace } from './spaces.service';

function toMember(row: MemberRow): SpaceMember {
  const organization = row.user_id
    ? {
        id: row.person_organization_id ?? '',
        name: row.person_organization_name ?? '',
        kind: row.person_organization_kind ?? '',
      }
    : { id: row.organization_id ?? '', name: row.organization_name ?? '', kind: row.organization_kind ?? '' };
  return {
    id: row.id,
    role: row.role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    person: row.user_id
      ? { id: row.user_id, name: row.person_name ?? '', email: row.person_email ?? '', status: row.person_status ?? '' }
      : null,
    organization,
  };
}

export async function reloadMember(db: DbOrTrx, input: { spaceId: string; memberId: string }): Promise<SpaceMember> {
  const row = await getMemberOfSpace(db, input);
  if (!row) throw errors.notFound();
  return toMember(row);
}

/** Making, unmaking or removing an owner is the policy's `space.manage_owners`: a manager cannot outrank themselves. */
export function ensureMayTouchOwners(ctx: RequestContext, space: SpaceRow, roles: (SpaceRole | undefined)[]) {
  if (!roles.includes('owner')) return;
  if (!can(ctx.actor, 'space.manage_owners', spaceResource(space))) {
    throw errors.forbidden('Only owners of the space may change owners.');
  }
}

async function ensureAnotherOwner(db: DbOrTrx, ctx: RequestContext, member: MemberRow) {
  const others = await countOtherLiveOwners(db, {
    spaceId: member.space_id,
    exceptMemberId: member.id,
    nowIso: ctx.clock.now().toISOString(),
  });
  if (others === 0) throw lastOwner();
}

/**
 * Whether a manager may bring people of this organization into the space: the policy's `space.bring_in_from`, once
 * the organization's part in the space is known.
 */
export async function mayBringInFrom(
  ctx: RequestContext,
  space: SpaceRow,
  organization: { id: string; is_host: number },
) {
  const nowIso = ctx.clock.now().toISOString();
  const takesPart = await organizationTakesPart(ctx.db, { spaceId: space.id, organizationId: organization.id, nowIso });
  const { id, status, myRole } = spaceResource(space);
  return can(ctx.actor, 'space.bring_in_from', {
    type: 'space_organization',
    spaceId: id,
    spaceStatus: status,
    myRole,
    organizationId: organization.id,
    isHost: organization.is_host === 1,
    takesPart,
  });
}

/**
 * The person to add must be visible to the actor (else 404, their existence unconfirmed) — or be a colleague of
 * someone already in the space, whom the manager could invite by e-mail anyway (inviteToSpace reuses accounts).
 */
async function reachablePersonEmail(ctx: RequestContext, space: SpaceRow, personId: string): Promise<string> {
  try {
    return (await authorizePerson(ctx, { id: personId, action: 'person.read' })).email;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    const person = await unsafeLookupPersonById(ctx, personId);
    const organization = person && { id: person.organization_id, is_host: person.organization_is_host };
    if (organization && (await mayBringInFrom(ctx, space, organization))) return person.email;
    throw error;
  }
}

export function memberExistsOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw memberExists();
  throw error;
}

export async function listMembers(ctx: RequestContext, input: { id: string }) {
  const space = await authorizeSpace(ctx, { id: input.id, action: 'space.read_members' });
  const rows = await listMembersOfSpace(ctx.db, space.id);
  const members = rows.map(toMember);
  members.sort(
    (a, b) =>
      roleRank[b.role] - roleRank[a.role] ||
      (a.person?.name ?? a.organization.name).localeCompare(b.person?.name ?? b.organization.name),
  );
  return { members };
}

type AddMemberInput = {
  id: string;
  personId?: string;
  organizationId?: string;
  role: SpaceRole;
  expiresAt?: string | null;
};

/** Adds a person or a whole organization; either must exist and be reachable by the actor, else 404. */
export async function addMember(ctx: RequestContext, input: AddMemberInput): Promise<SpaceMember> {
  const space = await authorizeSpace(ctx, { id: input.id, action: 'space.manage_members' });
  ensureMayTouchOwners(ctx, space, [input.role]);
  let label: string;
  if (input.personId) label = await reachablePersonEmail(ctx, space, input.personId);
  else if (input.organizationId) {
    label = (await authorizeOrganization(ctx, { id: input.organizationId, action: 'organization.read' })).name;
  } else throw errors.badRequest('Give exactly one of personId or organizationId.');
  const key = input.personId ? { userId: input.personId } : { organizationId: input.organizationId };
  if (await findMembership(ctx.db, { spaceId: space.id, ...key })) throw memberExists();

  const memberId = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await insertMember(trx, {
        id: memberId,
        spaceId: space.id,
        userId: input.personId ?? null,
        organizationId: input.organizationId ?? null,
        role: input.role,
        expiresAt: input.expiresAt ?? null,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        nowIso: ctx.clock.now().toISOString(),
      });
      await record(trx, ctx, {
        action: 'space.member_added',
        target: { type: 'space', id: space.id, label: space.name },
        details: { memberId, member: label, ...key, role: input.role, expiresAt: input.expiresAt ?? null },
      });
    })
    .catch(memberExistsOnRace);
  return reloadMember(ctx.db, { spaceId: space.id, memberId });
}

export async function updateMember(
  ctx: RequestContext,
  input: { id: string; memberId: string; role?: SpaceRole; expiresAt?: string | null },
): Promise<SpaceMember> {
  const space = await authorizeSpace(ctx, { id: input.id, action: 'space.manage_members' });
  const member = await getMemberOfSpace(ctx.db, { spaceId: space.id, memberId: input.memberId });
  if (!member) throw errors.notFound();
  const set: { role?: SpaceRole; expires_at?: string | null } = {};
  if (input.role !== undefined && input.role !== member.role) set.role = input.role;
  if (input.expiresAt !== undefined && input.expiresAt !== member.expires_at) set.expires_at = input.expiresAt;
  if (Object.keys(set).length === 0) return toMember(member);
  ensureMayTouchOwners(ctx, space, [member.role, set.role]);

  await ctx.db.transaction().execute(async (trx) => {
    if (losesOwnership(member, { role: set.role, expiresAt: set.expires_at }))
      await ensureAnotherOwner(trx, ctx, member);
    await updateMemberRow(trx, { id: member.id, set });
    await record(trx, ctx, {
      action: set.role ? 'space.member_role_changed' : 'space.member_expiry_changed',
      target: { type: 'space', id: space.id, label: space.name },
      details: {
        memberId: member.id,
        member: member.person_email ?? member.organization_name,
        ...(set.role ? { from: member.role, to: set.role } : {}),
        ...(set.expires_at !== undefined ? { expiresAt: set.expires_at } : {}),
      },
    });
  });
  return reloadMember(ctx.db, { spaceId: space.id, memberId: member.id });
}

/** Removing a membership takes effect on the member's next request: access is computed from live memberships. */
export async function removeMember(
  ctx: RequestContext,
  input: { id: string; memberId: string },
): Promise<{ ok: true }> {
  const space = await authorizeSpace(ctx, { id: input.id, action: 'space.manage_members' });
  const member = await getMemberOfSpace(ctx.db, { spaceId: space.id, memberId: input.memberId });
  if (!member) throw errors.notFound();
  ensureMayTouchOwners(ctx, space, [member.role]);
  await ctx.db.transaction().execute(async (trx) => {
    if (losesOwnership(member, { removed: true })) await ensureAnotherOwner(trx, ctx, member);
    await deleteMember(trx, member.id);
    await record(trx, ctx, {
      action: 'space.member_removed',
      target: { type: 'space', id: space.id, label: space.name },
      details: { memberId: member.id, member: member.person_email ?? member.organization_name, role: member.role },
    });
  });
  return { ok: true };
}
