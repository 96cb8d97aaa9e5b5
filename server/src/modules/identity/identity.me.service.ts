import type { Me } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { mustUseTwoFactor } from '../../core/auth/hook';
import type { RequestContext } from '../../core/context';
import { abilities } from '../../core/policy/policy';
import { globalResource } from '../../core/policy/resources';
import { loadSelf, requireUser } from './identity.guards';

/** The signed-in person as the web app needs it. API-token callers get an empty CSRF token: they never need one. */
export async function getMe(ctx: RequestContext, input: { csrfToken: string | null }): Promise<Me> {
  const actor = requireUser(ctx);
  const person = await loadSelf(ctx, actor);
  const twoFactorEnabled = person.totp_enabled === 1;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale === 'en' || person.locale === 'fr' ? person.locale : null,
    isAdmin: person.is_admin === 1,
    isOrgAdmin: person.is_org_admin === 1,
    organization: {
      id: person.organization_id,
      name: person.organization_name,
      kind: person.organization_kind as Me['organization']['kind'],
      isHost: person.organization_is_host === 1,
    },
    twoFactorEnabled,
    twoFactorSetupRequired: !twoFactorEnabled && mustUseTwoFactor(ctx, actor),
    csrfToken: actor.via === 'session' ? (input.csrfToken ?? '') : '',
    abilities: abilities(actor, globalResource),
  };
}

export async function updateMe(
  ctx: RequestContext,
  input: { name?: string; locale?: 'en' | 'fr' | null; csrfToken: string | null },
): Promise<Me> {
  const actor = requireUser(ctx);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ ...changes, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', actor.id)
        .execute();
      await record(trx, ctx, {
        action: 'person.profile_updated',
        target: { type: 'person', id: actor.id, label: actor.email },
        details: changes,
      });
    });
  }
  return getMe(ctx, { csrfToken: input.csrfToken });
}
