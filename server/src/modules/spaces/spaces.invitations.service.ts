import type { SpaceMember, SpaceRole } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { createInvitation } from '../identity';
import { authorizeOrganization } from '../organizations';
import { createInvitedPerson, unsafeLookupPersonByEmail } from '../people';
import { emailTakenElsewhere, memberExists } from './spaces.errors';
import { findMembership, insertMember } from './spaces.members.queries';
import { ensureMayTouchOwners, mayBringInFrom, memberExistsOnRace, reloadMember } from './spaces.members.service';
import { authorizeSpace } from './spaces.service';

type InviteToSpaceInput = { id: string; email: string; name: string; organizationId: string; role: SpaceRole };

/**
 * A manager invites an outsider straight into the space: a new person is created as invited in the organization;
 * someone who already has an account in that organization is reused. Either way the membership is added, and anyone
 * still waiting for their invitation gets a fresh link naming the space.
 */
export async function inviteToSpace(ctx: RequestContext, input: InviteToSpaceInput): Promise<SpaceMember> {
  const space = await authorizeSpace(ctx, { id: input.id, action: 'space.invite' });
  ensureMayTouchOwners(ctx, space, [input.role]);
  const organization = await authorizeOrganization(ctx, { id: input.organizationId, action: 'organization.read' });
  if (!(await mayBringInFrom(ctx, space, organization))) {
    throw errors.forbidden('Invite only into organizations taking part in this space (host staff: also the host one).');
  }

  const memberId = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const existing = await unsafeLookupPersonByEmail(ctx, input.email, trx);
      if (existing && existing.organization_id !== organization.id) {
        // Reusing an account of another organization would let a manager pull in people they cannot see.
        throw emailTakenElsewhere();
      }
      if (existing && (await findMembership(trx, { spaceId: space.id, userId: existing.id }))) throw memberExists();
      const personId =
        existing?.id ??
        (await createInvitedPerson(trx, ctx, {
          email: input.email,
          name: input.name,
          organizationId: organization.id,
          organizationIsHost: organization.is_host === 1,
          spaceId: space.id,
        }));
      await insertMember(trx, {
        id: memberId,
        spaceId: space.id,
        userId: personId,
        organizationId: null,
        role: input.role,
        expiresAt: null,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        nowIso: ctx.clock.now().toISOString(),
      });
      const stillInvited = existing?.status === 'invited';
      if (stillInvited) await createInvitation(trx, ctx, { userId: personId, spaceId: space.id });
      await record(trx, ctx, {
        action: 'space.invitation_sent',
        target: { type: 'space', id: space.id, label: space.name },
        details: {
          memberId,
          personId,
          email: input.email,
          role: input.role,
          newPerson: !existing,
          invitationSent: !existing || stillInvited,
        },
      });
    })
    // When two invitations race for one address, the loser finds the winner's person already in the space.
    .catch(memberExistsOnRace);
  ctx.wakeJobs();
  return reloadMember(ctx.db, { spaceId: space.id, memberId });
}
