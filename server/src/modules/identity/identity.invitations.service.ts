import type { RouteResponse } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { hashPassword } from '../../core/auth/passwords';
import type { RequestContext } from '../../core/context';
import { identityErrors } from './identity.errors';
import { ensureStrongPassword } from './identity.guards';
import {
  consumeOneTimeToken,
  expireOneTimeTokens,
  findLiveOneTimeToken,
  getInvitationDetails,
  type PersonRow,
} from './identity.queries';
import { completeSignIn } from './identity.service';

/**
 * A live invitation link and the invited person. The link itself is the secret, so its holder may learn that the
 * account was disabled meanwhile (a clearer message than "invalid link").
 */
async function loadInvitation(ctx: RequestContext, token: string) {
  const nowIso = ctx.clock.now().toISOString();
  const link = await findLiveOneTimeToken(ctx.db, { purpose: 'invitation', token, nowIso });
  if (!link?.user_id) throw identityErrors.invitationNotFound();
  const [person, space, inviter] = await getInvitationDetails(ctx.db, {
    userId: link.user_id,
    spaceId: link.space_id,
    createdBy: link.created_by,
  });
  if (!person) throw identityErrors.invitationNotFound();
  const expired = person.access_expires_at !== null && person.access_expires_at <= nowIso;
  if (person.status === 'disabled' || person.organization_status !== 'active' || expired) {
    throw identityErrors.accountDisabled('This account has been disabled. Ask the person who invited you.');
  }
  if (person.status !== 'invited') throw identityErrors.invitationNotFound();
  return { link, person, spaceName: space?.name ?? null, invitedBy: inviter?.name ?? null };
}

export async function getInvitation(
  ctx: RequestContext,
  input: { token: string },
): Promise<RouteResponse<'getInvitation'>> {
  const invitation = await loadInvitation(ctx, input.token);
  return {
    email: invitation.person.email,
    name: invitation.person.name,
    organizationName: invitation.person.organization_name,
    invitedBy: invitation.invitedBy,
    spaceName: invitation.spaceName,
  };
}

/** Sets the invited person's password, activates them and signs them in; the link works once. */
export async function acceptInvitation(
  ctx: RequestContext,
  input: { token: string; password: string; name?: string; replacesSessionId: string | null },
): Promise<{ token: string }> {
  const { link, person } = await loadInvitation(ctx, input.token);
  ensureStrongPassword(input.password, person.email);
  const passwordHash = await hashPassword(input.password);
  const nowIso = ctx.clock.now().toISOString();
  const token = await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, link.id, nowIso))) throw identityErrors.invitationNotFound();
    const activated = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        status: 'active',
        ...(input.name ? { name: input.name } : {}),
        updated_at: nowIso,
      })
      .where('id', '=', person.id)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    if (Number(activated.numUpdatedRows) !== 1) throw identityErrors.invitationNotFound();
    await expireOneTimeTokens(trx, { purpose: 'invitation', userId: person.id, nowIso });
    await recordAcceptance(trx, ctx, person, link.space_id);
    return completeSignIn(trx, ctx, person, { method: 'invitation', replacesSessionId: input.replacesSessionId });
  });
  return { token };
}

function recordAcceptance(
  trx: Parameters<typeof record>[0],
  ctx: RequestContext,
  person: PersonRow,
  spaceId: string | null,
) {
  return record(trx, ctx, {
    action: 'person.invitation_accepted',
    actorOverride: { id: person.id, label: person.email },
    target: { type: 'person', id: person.id, label: person.email },
    details: { spaceId },
  });
}
