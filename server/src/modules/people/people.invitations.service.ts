import type { Person } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import type { Trx } from '../../core/db/database';
import { newId } from '../../core/ids';
import { createInvitation } from '../identity';
import { authorizeOrganization } from '../organizations';
import { notInvited } from './people.errors';
import { defaultSponsorId } from './people.models';
import { insertPerson, unsafeGetSponsorIdOf } from './people.queries';
import {
  authorizePerson,
  emailTakenOnRace,
  ensureEmailFree,
  ensureHostSponsor,
  ensureMayGrantAdmin,
  organizationTarget,
  reloadPerson,
} from './people.service';

type NewInvitedPerson = {
  email: string;
  name: string;
  organizationId: string;
  organizationIsHost: boolean;
  /** Undefined: the default sponsor (see defaultSponsorId); null: none. */
  sponsorId?: string | null;
  accessExpiresAt?: string | null;
  isOrgAdmin?: boolean;
  isAdmin?: boolean;
  /** The space the invitation leads into, named in the e-mail. */
  spaceId?: string | null;
};

/**
 * Creates a person waiting for their invitation and queues the e-mail, in the caller's transaction — the spaces
 * module invites straight into a space with it. The caller has authorized inviting into the organization. Every read
 * goes through `trx`: on SQLite the transaction holds the only connection.
 */
export async function createInvitedPerson(trx: Trx, ctx: RequestContext, input: NewInvitedPerson): Promise<string> {
  if (input.isAdmin) {
    ensureMayGrantAdmin(ctx, organizationTarget({ id: input.organizationId, isHost: input.organizationIsHost }));
  }
  const email = input.email.trim().toLowerCase();
  await ensureEmailFree(email, trx);
  let sponsorId: string | null;
  if (input.sponsorId === undefined) {
    const actorSponsorId =
      ctx.actor.kind === 'user' ? ((await unsafeGetSponsorIdOf(trx, ctx.actor.id))?.sponsor_id ?? null) : null;
    sponsorId = defaultSponsorId({ actor: ctx.actor, actorSponsorId, intoHostOrganization: input.organizationIsHost });
  } else {
    sponsorId = input.sponsorId === null ? null : (await ensureHostSponsor(ctx, input.sponsorId, trx)).id;
  }
  const id = newId();
  await insertPerson(trx, {
    id,
    email,
    name: input.name.trim(),
    organizationId: input.organizationId,
    status: 'invited',
    isAdmin: Boolean(input.isAdmin),
    isOrgAdmin: Boolean(input.isOrgAdmin),
    sponsorId,
    accessExpiresAt: input.accessExpiresAt ?? null,
    passwordHash: null,
    nowIso: ctx.clock.now().toISOString(),
  });
  await createInvitation(trx, ctx, { userId: id, spaceId: input.spaceId ?? null });
  await record(trx, ctx, {
    action: 'person.invited',
    target: { type: 'person', id, label: email },
    details: {
      organizationId: input.organizationId,
      sponsorId,
      isAdmin: Boolean(input.isAdmin),
      isOrgAdmin: Boolean(input.isOrgAdmin),
      ...(input.spaceId ? { spaceId: input.spaceId } : {}),
    },
  });
  return id;
}

export async function invitePerson(
  ctx: RequestContext,
  input: Omit<NewInvitedPerson, 'organizationIsHost' | 'spaceId'>,
): Promise<Person> {
  const organization = await authorizeOrganization(ctx, { id: input.organizationId, action: 'person.invite' });
  const id = await ctx.db
    .transaction()
    .execute((trx) => createInvitedPerson(trx, ctx, { ...input, organizationIsHost: organization.is_host === 1 }))
    .catch(emailTakenOnRace);
  ctx.wakeJobs();
  return reloadPerson(ctx, id);
}

/** A fresh link for someone still waiting: the previous link stops working (createInvitation marks it used). */
export async function resendInvitation(ctx: RequestContext, input: { id: string }): Promise<{ ok: true }> {
  const person = await authorizePerson(ctx, { id: input.id, action: 'person.update' });
  if (person.status !== 'invited')
    throw notInvited('Only people who have not accepted their invitation get a new one.');
  await ctx.db.transaction().execute(async (trx) => {
    await createInvitation(trx, ctx, { userId: person.id });
    await record(trx, ctx, {
      action: 'person.invitation_resent',
      target: { type: 'person', id: person.id, label: person.email },
    });
  });
  ctx.wakeJobs();
  return { ok: true };
}
