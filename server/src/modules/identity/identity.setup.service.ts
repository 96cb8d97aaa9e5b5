import { record } from '../../core/audit/audit';
import { hashPassword } from '../../core/auth/passwords';
import type { RequestContext } from '../../core/context';
import type { Trx } from '../../core/db/database';
import { newId } from '../../core/ids';
import { identityErrors } from './identity.errors';
import { ensureStrongPassword } from './identity.guards';
import {
  consumeOneTimeToken,
  findLiveOneTimeToken,
  findPersonByEmail,
  getHostOrganization,
  hostAdminExists,
} from './identity.queries';
import { completeSignIn } from './identity.service';

export async function getSetupStatus(ctx: RequestContext): Promise<{ setupRequired: boolean }> {
  return { setupRequired: !(await hostAdminExists(ctx.db)) };
}

/**
 * Creates the first host admin with the one-time setup link printed at start, and signs them in. There are no
 * default accounts: until this (or GATEHOUSE_ADMIN_EMAIL) runs, nobody can sign in at all.
 */
export async function completeSetup(
  ctx: RequestContext,
  input: { token: string; email: string; name: string; password: string; replacesSessionId: string | null },
): Promise<{ token: string }> {
  if (await hostAdminExists(ctx.db)) throw identityErrors.setupDone();
  const nowIso = ctx.clock.now().toISOString();
  const link = await findLiveOneTimeToken(ctx.db, { purpose: 'setup', token: input.token, nowIso });
  if (!link) throw identityErrors.invalidToken();
  ensureStrongPassword(input.password, input.email);
  if (await findPersonByEmail(ctx.db, input.email)) throw identityErrors.emailTaken();
  const host = await getHostOrganization(ctx.db);
  if (!host) throw new Error('The host organization does not exist yet');
  const passwordHash = await hashPassword(input.password);
  const token = await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, link.id, nowIso))) throw identityErrors.invalidToken();
    // Two browsers racing with the same link: the consumed token already decided, this re-check is belt and braces.
    if (await hostAdminExists(trx)) throw identityErrors.setupDone();
    const admin = await insertHostAdmin(trx, ctx, {
      email: input.email,
      name: input.name,
      passwordHash,
      organizationId: host.id,
      via: 'setup_token',
    });
    return completeSignIn(trx, ctx, admin, { method: 'setup', replacesSessionId: input.replacesSessionId });
  });
  return { token };
}

/** Inserts an active host admin and audits it; shared by the setup link and GATEHOUSE_ADMIN_EMAIL. */
export async function insertHostAdmin(
  trx: Trx,
  ctx: RequestContext,
  input: { email: string; name: string; passwordHash: string; organizationId: string; via: string },
): Promise<{ id: string; email: string }> {
  const nowIso = ctx.clock.now().toISOString();
  const admin = { id: newId(), email: input.email.toLowerCase() };
  await trx
    .insertInto('users')
    .values({
      ...admin,
      name: input.name,
      organization_id: input.organizationId,
      status: 'active',
      is_admin: 1,
      is_org_admin: 0,
      sponsor_id: null,
      access_expires_at: null,
      password_hash: input.passwordHash,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      locale: null,
      last_sign_in_at: null,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .execute();
  await record(trx, ctx, {
    action: 'setup.first_admin_created',
    ...(ctx.actor.kind === 'anonymous' ? { actorOverride: { id: admin.id, label: admin.email } } : {}),
    target: { type: 'person', id: admin.id, label: admin.email },
    details: { via: input.via },
  });
  return admin;
}
