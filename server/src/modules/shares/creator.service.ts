import type { UserActor } from '../../core/auth/actor';
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
    .where('u.status', '=', 'active')
    .where('o.status', '=', 'active')
    .where((eb) => eb.or([eb('u.access_expires_at', 'is', null), eb('u.access_expires_at', '>', nowIso)]))
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.organization_id',
      'u.is_admin',
      'u.is_org_admin',
      'u.totp_enabled',
      'o.is_host',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const actor: UserActor = {
    kind: 'user',
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organization_id,
    isHostOrganization: row.is_host === 1,
    isAdmin: row.is_admin === 1,
    isOrgAdmin: row.is_org_admin === 1,
    twoFactorEnabled: row.totp_enabled === 1,
    via: 'token',
    sessionId: null,
    tokenId: null,
  };
  return { ...ctx, actor };
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
