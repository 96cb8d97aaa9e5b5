import { record } from '../../core/audit/audit';
import { mustUseTwoFactor } from '../../core/auth/hook';
import { openSecret, sealSecret } from '../../core/auth/secrets';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { identityErrors } from './identity.errors';
import { ensureCurrentPassword, loadSelf, requireSessionUser } from './identity.guards';
import { queueSecurityNotice } from './identity.mails';
import type { PersonRow } from './identity.queries';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri } from './identity.totp';

/**
 * Starts (or restarts) TOTP enrolment: a fresh seed is stored sealed but stays inactive until a code proves the
 * authenticator app has it, so an abandoned enrolment changes nothing about how the person signs in.
 */
export async function startTotpSetup(ctx: RequestContext) {
  const person = await loadSelf(ctx, requireSessionUser(ctx));
  if (person.totp_enabled === 1) throw identityErrors.twoFactorAlreadyEnabled();
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({
      totp_secret: sealSecret(ctx.config.secretKey, secret),
      totp_last_step: null,
      updated_at: ctx.clock.now().toISOString(),
    })
    .where('id', '=', person.id)
    .where('totp_enabled', '=', 0)
    .execute();
  const otpauthUrl = totpUri(secret, person.email);
  return { secret, otpauthUrl, qrSvg: await totpQrSvg(otpauthUrl) };
}

/** Confirms enrolment with a first code, turns TOTP on and hands out recovery codes — the only time they are shown. */
export async function enableTotp(ctx: RequestContext, input: { code: string }) {
  const person = await loadSelf(ctx, requireSessionUser(ctx));
  if (person.totp_enabled === 1) throw identityErrors.twoFactorAlreadyEnabled();
  if (!person.totp_secret) throw identityErrors.twoFactorNotEnabled('Start the two-factor set-up first.');
  const secret = openSecret(ctx.config.secretKey, person.totp_secret);
  const step = await matchTotp({ secret, code: input.code, now: ctx.clock.now(), lastStep: person.totp_last_step });
  if (step === null) throw identityErrors.invalidTwoFactorCode();
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ totp_enabled: 1, totp_last_step: step, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', person.id)
      .where('totp_enabled', '=', 0)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw identityErrors.twoFactorAlreadyEnabled();
    await replaceRecoveryCodes(trx, ctx, person.id, recoveryCodes);
    await queueSecurityNotice(trx, ctx, person, 'two_factor_enabled');
    await record(trx, ctx, {
      action: 'auth.two_factor_enabled',
      target: { type: 'person', id: person.id, label: person.email },
      details: { method: 'totp' },
    });
  });
  ctx.wakeJobs();
  return { recoveryCodes };
}

/** Turning 2FA off needs the password, and is refused to people the configured policy requires to keep it. */
export async function disableTotp(ctx: RequestContext, input: { password: string }): Promise<void> {
  const actor = requireSessionUser(ctx);
  const person = await loadEnabled(ctx, actor);
  if (mustUseTwoFactor(ctx, actor)) {
    throw errors.forbidden('Two-factor authentication is required for your account and cannot be turned off.');
  }
  await ensureCurrentPassword(ctx, person, input.password, 'two_factor_disable');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', person.id)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', person.id).execute();
    await queueSecurityNotice(trx, ctx, person, 'two_factor_disabled');
    await record(trx, ctx, {
      action: 'auth.two_factor_disabled',
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
}

/** New recovery codes replace every old one (used or not); the password is asked again. */
export async function regenerateRecoveryCodes(ctx: RequestContext, input: { password: string }) {
  const person = await loadEnabled(ctx, requireSessionUser(ctx));
  await ensureCurrentPassword(ctx, person, input.password, 'recovery_codes');
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, ctx, person.id, recoveryCodes);
    await queueSecurityNotice(trx, ctx, person, 'recovery_codes_regenerated');
    await record(trx, ctx, {
      action: 'auth.recovery_codes_regenerated',
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
  return { recoveryCodes };
}

async function loadEnabled(ctx: RequestContext, actor: ReturnType<typeof requireSessionUser>): Promise<PersonRow> {
  const person = await loadSelf(ctx, actor);
  if (person.totp_enabled !== 1) throw identityErrors.twoFactorNotEnabled();
  return person;
}

async function replaceRecoveryCodes(trx: DbOrTrx, ctx: RequestContext, userId: string, codes: string[]) {
  const nowIso = ctx.clock.now().toISOString();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: newId(),
        user_id: userId,
        code_hash: hashRecoveryCode(ctx.config.secretKey, code),
        used_at: null,
        created_at: nowIso,
      })),
    )
    .execute();
}
