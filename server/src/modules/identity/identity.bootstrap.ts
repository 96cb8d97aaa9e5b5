import { hashPassword, passwordWeakness } from '../../core/auth/passwords';
import { addMinutes } from '../../core/clock';
import { type Deps, systemContext } from '../../core/context';
import { hashToken, newId, newSecret } from '../../core/ids';
import { expireOneTimeTokens, findPersonByEmail, getHostOrganization, hostAdminExists } from './identity.queries';
import { insertHostAdmin } from './identity.setup.service';

/** The setup link is replaced at every start while no admin exists, so a day is plenty. */
const SETUP_TOKEN_TTL_MINUTES = 24 * 60;

/**
 * First start: with GATEHOUSE_ADMIN_EMAIL/PASSWORD, creates that host admin; otherwise issues a one-time setup link
 * (the caller prints it) that lets whoever can read the server's output create the admin in the browser. Does
 * nothing once a host admin exists. Call it after the host organization exists.
 */
export async function bootstrapFirstAdmin(deps: Deps): Promise<{ setupUrl: string } | null> {
  const ctx = systemContext(deps, 'bootstrap');
  if (await hostAdminExists(deps.db)) return null;
  const host = await getHostOrganization(deps.db);
  if (!host) throw new Error('The host organization must exist before the first admin is created');

  const email = deps.config.GATEHOUSE_ADMIN_EMAIL?.toLowerCase();
  const password = deps.config.GATEHOUSE_ADMIN_PASSWORD;
  if (email && password) {
    const weakness = passwordWeakness(password, email);
    if (weakness) throw new Error(`GATEHOUSE_ADMIN_PASSWORD is refused: ${weakness}`);
    if (await findPersonByEmail(deps.db, email)) {
      throw new Error(`GATEHOUSE_ADMIN_EMAIL: ${email} already belongs to someone who is not a host admin`);
    }
    const passwordHash = await hashPassword(password);
    try {
      await deps.db.transaction().execute((trx) =>
        insertHostAdmin(trx, ctx, {
          email,
          name: 'Administrator',
          passwordHash,
          organizationId: host.id,
          via: 'environment',
        }),
      );
    } catch (error) {
      // Several instances starting at once: the one that lost the race finds the admin already there.
      if (await hostAdminExists(deps.db)) return null;
      throw error;
    }
    return null;
  }

  const token = newSecret();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await expireOneTimeTokens(trx, { purpose: 'setup', userId: null, nowIso: now.toISOString() });
    await trx
      .insertInto('one_time_tokens')
      .values({
        id: newId(),
        purpose: 'setup',
        token_hash: hashToken(token),
        user_id: null,
        space_id: null,
        created_by: null,
        created_at: now.toISOString(),
        expires_at: addMinutes(now, SETUP_TOKEN_TTL_MINUTES).toISOString(),
        used_at: null,
      })
      .execute();
  });
  return { setupUrl: `${deps.config.publicUrl}/setup/${token}` };
}
