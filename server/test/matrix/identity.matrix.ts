import { randomUUID } from 'node:crypto';
import { hashToken, newId } from '../../src/core/ids';
import { createPerson, DEFAULT_PASSWORD } from '../factories';
import type { ActorName, MatrixCase, World } from './cast';
import { row } from './cast';

/** Sessions and API tokens are one person's own rows: nobody else sees or ends them, host admins included. */
const ownerOnly = (status: number) =>
  row({
    otherPartner: status,
    sameOrgNoMembership: status,
    partnerAdmin: status,
    viewer: status,
    contributor: status,
    manager: status,
    owner: status,
    hostAdmin: status,
  });

/** A session of the person opened elsewhere (another browser); a revoked person cannot open one. */
async function sessionOf(w: World, personId: string, email: string) {
  const elsewhere = w.server.client();
  const opened = await elsewhere.signIn(email, DEFAULT_PASSWORD).then(
    () => true,
    () => false,
  );
  if (!opened) return randomUUID();
  const rows = await w.server.deps.db
    .selectFrom('sessions')
    .select(['id', 'created_at'])
    .where('user_id', '=', personId)
    .execute();
  return rows.sort((a, b) => b.created_at.localeCompare(a.created_at))[0]?.id ?? randomUUID();
}

async function tokenOf(w: World, personId: string) {
  const id = newId();
  await w.server.deps.db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: personId,
      name: 'matrix token',
      prefix: 'gh_x',
      token_hash: hashToken(`gh_${id}`),
      created_at: new Date().toISOString(),
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

const stranger = (w: World) => createPerson(w.server.deps.db, { organizationId: w.partnerOrgId });
const self = (w: World, actor: ActorName) => (actor === 'anonymous' ? null : w.people[actor]);

export const identityMatrix: MatrixCase[] = [
  {
    action: 'session.read',
    variant: "ending someone else's session",
    expected: ownerOnly(404),
    attempt: async (c, _, w) => {
      const other = await stranger(w);
      return (await c.delete(`/api/v1/me/sessions/${await sessionOf(w, other.id, other.email)}`)).status;
    },
  },
  {
    action: 'session.revoke',
    variant: 'ending one of their own other sessions',
    expected: ownerOnly(200),
    attempt: async (c, actor, w) => {
      const me = self(w, actor);
      const id = me ? await sessionOf(w, me.id, me.email) : randomUUID();
      return (await c.delete(`/api/v1/me/sessions/${id}`)).status;
    },
  },
  {
    action: 'api_token.read',
    variant: "revoking someone else's token",
    expected: ownerOnly(404),
    attempt: async (c, _, w) =>
      (await c.delete(`/api/v1/me/tokens/${await tokenOf(w, (await stranger(w)).id)}`)).status,
  },
  {
    action: 'api_token.revoke',
    variant: 'revoking their own token',
    expected: ownerOnly(200),
    attempt: async (c, actor, w) => {
      const me = self(w, actor);
      return (await c.delete(`/api/v1/me/tokens/${me ? await tokenOf(w, me.id) : randomUUID()}`)).status;
    },
  },
];
