import { actorColumns, personIsLive, toUserActor } from '../../core/auth/live-person';
import type { RequestContext } from '../../core/context';

/**
 * The context of a link's creator, to ask the policy and the documents module on their behalf — or null when the
 * creator may no longer act at all (disabled, organization disabled, access expired), which kills their links like
 * it kills their sessions. Checked on every visit, as sessions are.
 */
export async function liveCreatorContext(ctx: RequestContext, userId: string): Promise<RequestContext | null> {
  const nowIso = ctx.clock.now().toISOString();
  const row = await ctx.db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .where('u.id', '=', userId)
    .where(personIsLive(nowIso))
    .select([...actorColumns])
    .executeTakeFirst();
  if (!row) return null;
  return { ...ctx, actor: toUserActor(row, { via: 'token', sessionId: null, tokenId: null }) };
}

/** Runs a policy check for the creator; any refusal (404, 403, 409 in the trash…) means "may not". */
export async function creatorMay(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (error) {
    if (typeof (error as { status?: unknown }).status === 'number') return false;
    throw error;
  }
}
