import { revokeSessionsOfUsers } from '../../core/auth/sessions';
import { addMinutes } from '../../core/clock';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { hashToken, newId, newSecret } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { invitationMail } from './identity.mails';

/**
 * Ends every credential the given people hold — sessions and API tokens — in the caller's transaction. Because every
 * request re-checks its credential in the database, the next request on any instance is refused.
 */
export async function revokeAllCredentials(trx: DbOrTrx, userIds: string[], at: string): Promise<void> {
  if (userIds.length === 0) return;
  await revokeSessionsOfUsers(trx, userIds, at);
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Issues a fresh invitation link for an invited person (older unused links die) and queues the e-mail, in the
 * caller's transaction. `spaceId` names the space they are invited into, for the message.
 */
export async function createInvitation(
  trx: DbOrTrx,
  ctx: RequestContext,
  input: { userId: string; spaceId?: string | null },
): Promise<{ url: string }> {
  const now = ctx.clock.now();
  await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', input.userId)
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .execute();
  const token = newSecret();
  await trx
    .insertInto('one_time_tokens')
    .values({
      id: newId(),
      purpose: 'invitation',
      token_hash: hashToken(token),
      user_id: input.userId,
      space_id: input.spaceId ?? null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_at: now.toISOString(),
      expires_at: addMinutes(now, ctx.config.INVITATION_TTL_HOURS * 60).toISOString(),
      used_at: null,
    })
    .execute();

  const person = await trx
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['users.email', 'users.name', 'users.locale', 'organizations.name as organizationName'])
    .where('users.id', '=', input.userId)
    .executeTakeFirstOrThrow();
  const space = input.spaceId
    ? await trx.selectFrom('spaces').select('name').where('id', '=', input.spaceId).executeTakeFirst()
    : undefined;
  const url = `${ctx.config.publicUrl}/invite/${token}`;
  await enqueueMail(
    trx,
    now,
    invitationMail({
      to: person.email,
      locale: person.locale,
      name: person.name,
      organizationName: person.organizationName,
      invitedBy: ctx.actor.kind === 'user' ? ctx.actor.name : null,
      spaceName: space?.name ?? null,
      url,
      expiresAt: addMinutes(now, ctx.config.INVITATION_TTL_HOURS * 60),
    }),
  );
  return { url };
}
