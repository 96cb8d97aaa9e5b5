import type { ApiToken } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { API_TOKEN_PREFIX } from '../../core/auth/api-tokens';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { hashToken, newId, newSecret } from '../../core/ids';
import { authorize } from '../../core/policy/policy';
import { requireSessionUser, requireUser } from './identity.guards';
import { findPersonByEmail, listApiTokens } from './identity.queries';

/** Enough of the secret to recognise a token in a list, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = 10;

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function listMyTokens(ctx: RequestContext): Promise<{ tokens: ApiToken[] }> {
  const actor = requireUser(ctx);
  return { tokens: (await listApiTokens(ctx.db, actor.id)).map(toApiToken) };
}

/** Creates a personal API token; the secret is returned this once and only its SHA-256 is kept. */
export async function createMyToken(
  ctx: RequestContext,
  input: { name: string; expiresAt?: string | null },
): Promise<{ token: ApiToken; secret: string }> {
  const actor = requireSessionUser(ctx);
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && expiresAt <= now.toISOString()) throw errors.badRequest('The expiry date must be in the future.');
  const { row, secret } = await insertApiToken(ctx, { userId: actor.id, name: input.name, expiresAt });
  return { token: toApiToken(row), secret };
}

/** `gatehouse token create`: the operator issues a token for someone; returns the secret. */
export async function issueApiTokenForEmail(
  ctx: RequestContext,
  input: { email: string; name: string; expiresAt: string | null },
): Promise<string> {
  const person = await findPersonByEmail(ctx.db, input.email);
  if (!person) throw errors.notFound(`Nobody has the e-mail address ${input.email}.`);
  const { secret } = await insertApiToken(ctx, { userId: person.id, name: input.name, expiresAt: input.expiresAt });
  return secret;
}

async function insertApiToken(ctx: RequestContext, input: { userId: string; name: string; expiresAt: string | null }) {
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  const row: TokenRow = {
    id: newId(),
    name: input.name,
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    created_at: ctx.clock.now().toISOString(),
    expires_at: input.expiresAt,
    last_used_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({ ...row, user_id: input.userId, token_hash: hashToken(secret), revoked_at: null })
      .execute();
    await record(trx, ctx, {
      action: 'api_token.created',
      target: { type: 'api_token', id: row.id, label: row.name },
      details: { ownerId: input.userId, expiresAt: input.expiresAt },
    });
  });
  return { row, secret };
}

/** Revokes one of the caller's own tokens; anyone else's id answers 404. */
export async function revokeMyToken(ctx: RequestContext, input: { id: string }): Promise<void> {
  const actor = requireUser(ctx);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('id', '=', input.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token) throw errors.notFound();
    authorize(actor, 'api_token.revoke', { type: 'api_token', id: token.id, ownerId: token.user_id });
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso })
      .where('id', '=', token.id)
      .where('revoked_at', 'is', null)
      .returning(['name'])
      .executeTakeFirst();
    if (!revoked) throw errors.notFound();
    await record(trx, ctx, {
      action: 'api_token.revoked',
      target: { type: 'api_token', id: input.id, label: revoked.name },
    });
  });
}
