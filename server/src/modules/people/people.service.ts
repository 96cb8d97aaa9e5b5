import { Email, type Person, PersonName } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { hashPassword, passwordWeakness } from '../../core/auth/passwords';
import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { isUniqueViolation } from '../../core/db/dialect';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { abilities, authorize, can, type PolicyAction } from '../../core/policy/policy';
import { owns } from '../../core/policy/predicates';
import { globalResource, type OrganizationResource, type PersonResource } from '../../core/policy/resources';
import { revokeAllCredentials } from '../identity';
import { authorizeOrganization } from '../organizations';
import { cannotDisableSelf, emailTaken, sponsorNotHost, weakPassword } from './people.errors';
import { personResource, statusWhenEnabled } from './people.models';
import {
  findVisibleHostPerson,
  getPersonWithFacts,
  insertPerson,
  listVisiblePeople,
  type PersonRow,
  unsafeFindPersonByEmail,
  unsafeFindPersonById,
  updatePersonRow,
} from './people.queries';

function toPerson(ctx: RequestContext, row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    isAdmin: row.is_admin === 1,
    isOrgAdmin: row.is_org_admin === 1,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      kind: row.organization_kind as Person['organization']['kind'],
    },
    sponsor: row.sponsor_id && row.sponsor_name ? { id: row.sponsor_id, name: row.sponsor_name } : null,
    accessExpiresAt: row.access_expires_at,
    twoFactorEnabled: row.totp_enabled === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    abilities: abilities(ctx.actor, personResource(row)),
  };
}

/** Loads a person and authorizes `action`: 404 when the actor may not see them, 403 when they may not do this. */
export async function authorizePerson(
  ctx: RequestContext,
  input: { id: string; action: PolicyAction },
): Promise<PersonRow> {
  const row = await getPersonWithFacts(ctx.db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    id: input.id,
  });
  if (!row) throw errors.notFound();
  authorize(ctx.actor, input.action, personResource(row));
  return row;
}

export async function reloadPerson(ctx: RequestContext, id: string): Promise<Person> {
  const row = await getPersonWithFacts(ctx.db, { actor: ctx.actor, nowIso: ctx.clock.now().toISOString(), id });
  if (!row) throw errors.notFound();
  return toPerson(ctx, row);
}

/**
 * Granting or removing administrator rights, to a person or to someone invited into an organization: the policy's
 * `person.grant_admin` (host admins, host people only).
 */
export function ensureMayGrantAdmin(ctx: RequestContext, to: PersonResource | OrganizationResource) {
  if (!can(ctx.actor, 'person.grant_admin', to)) {
    throw errors.forbidden('Only host admins grant administrator rights, to people of the host organization.');
  }
}

/** An organization as the people rules see it when someone is invited or created in it. */
export function organizationTarget(organization: { id: string; isHost: boolean }): OrganizationResource {
  return { type: 'organization', id: organization.id, isHost: organization.isHost, sharesSpace: false };
}

/** A sponsor answers for outsiders, so it must be a host person — one the actor can see, so no id is probed blindly. */
export async function ensureHostSponsor(ctx: RequestContext, sponsorId: string, db: DbOrTrx = ctx.db) {
  const sponsor = await findVisibleHostPerson(db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    id: sponsorId,
  });
  if (!sponsor) throw sponsorNotHost();
  return sponsor;
}

export async function ensureEmailFree(email: string, db: DbOrTrx) {
  if (await unsafeFindPersonByEmail(db, email)) throw emailTaken();
}

/** The unique index decides when two requests race for one address. */
export function emailTakenOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw emailTaken();
  throw error;
}

export async function listPeople(
  ctx: RequestContext,
  input: { organizationId?: string; status?: Person['status']; q?: string },
) {
  if (input.organizationId) {
    await authorizeOrganization(ctx, { id: input.organizationId, action: 'organization.list_people' });
  }
  const rows = await listVisiblePeople(ctx.db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    organizationId: input.organizationId,
    status: input.status,
    q: input.q?.trim() || undefined,
  });
  return { people: rows.map((row) => toPerson(ctx, row)), abilities: abilities(ctx.actor, globalResource) };
}

export async function getPerson(ctx: RequestContext, input: { id: string }): Promise<Person> {
  return toPerson(ctx, await authorizePerson(ctx, { id: input.id, action: 'person.read' }));
}

type UpdatePersonInput = {
  id: string;
  name?: string;
  sponsorId?: string | null;
  accessExpiresAt?: string | null;
  isOrgAdmin?: boolean;
  isAdmin?: boolean;
};

export async function updatePerson(ctx: RequestContext, input: UpdatePersonInput): Promise<Person> {
  const current = await authorizePerson(ctx, { id: input.id, action: 'person.update' });
  const set: Parameters<typeof updatePersonRow>[1]['set'] = {};
  if (input.name !== undefined && input.name !== current.name) set.name = input.name;
  if (input.accessExpiresAt !== undefined && input.accessExpiresAt !== current.access_expires_at) {
    set.access_expires_at = input.accessExpiresAt;
  }
  if (input.isOrgAdmin !== undefined && Number(input.isOrgAdmin) !== current.is_org_admin) {
    set.is_org_admin = input.isOrgAdmin ? 1 : 0;
  }
  if (input.isAdmin !== undefined && Number(input.isAdmin) !== current.is_admin) {
    ensureMayGrantAdmin(ctx, personResource(current));
    // Dropping one's own admin right could leave the extranet with nobody able to administer it.
    if (!input.isAdmin && owns(ctx.actor, current.id)) throw cannotDisableSelf();
    set.is_admin = input.isAdmin ? 1 : 0;
  }
  if (input.sponsorId !== undefined && input.sponsorId !== current.sponsor_id) {
    if (input.sponsorId !== null) await ensureHostSponsor(ctx, input.sponsorId);
    set.sponsor_id = input.sponsorId;
  }
  if (Object.keys(set).length === 0) return toPerson(ctx, current);

  await ctx.db.transaction().execute(async (trx) => {
    await updatePersonRow(trx, { id: current.id, nowIso: ctx.clock.now().toISOString(), set });
    await record(trx, ctx, {
      action: 'person.updated',
      target: { type: 'person', id: current.id, label: current.email },
      details: { changed: Object.keys(set), ...set },
    });
  });
  return reloadPerson(ctx, current.id);
}

/** Disables a person and ends every session and API token they hold, in the same transaction. */
export async function disablePerson(ctx: RequestContext, input: { id: string }): Promise<Person> {
  const current = await authorizePerson(ctx, { id: input.id, action: 'person.read' });
  if (owns(ctx.actor, current.id)) throw cannotDisableSelf();
  authorize(ctx.actor, 'person.disable', personResource(current));
  if (current.status === 'disabled') return toPerson(ctx, current);

  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = ctx.clock.now().toISOString();
    await updatePersonRow(trx, { id: current.id, nowIso, set: { status: 'disabled' } });
    await revokeAllCredentials(trx, [current.id], nowIso);
    await record(trx, ctx, {
      action: 'person.disabled',
      target: { type: 'person', id: current.id, label: current.email },
      details: { previousStatus: current.status },
    });
  });
  return reloadPerson(ctx, current.id);
}

export async function enablePerson(ctx: RequestContext, input: { id: string }): Promise<Person> {
  const current = await authorizePerson(ctx, { id: input.id, action: 'person.disable' });
  if (current.status !== 'disabled') return toPerson(ctx, current);
  const status = statusWhenEnabled(current.has_password === 1);
  await ctx.db.transaction().execute(async (trx) => {
    await updatePersonRow(trx, { id: current.id, nowIso: ctx.clock.now().toISOString(), set: { status } });
    await record(trx, ctx, {
      action: 'person.enabled',
      target: { type: 'person', id: current.id, label: current.email },
      details: { status },
    });
  });
  return reloadPerson(ctx, current.id);
}

/** For the operator CLI: a person who can sign in at once (the first admins, service accounts). */
export async function createPersonWithPassword(
  ctx: RequestContext,
  input: { email: string; name: string; organizationId: string; password: string; isAdmin?: boolean },
): Promise<Person> {
  const organization = await authorizeOrganization(ctx, { id: input.organizationId, action: 'person.invite' });
  if (input.isAdmin)
    ensureMayGrantAdmin(ctx, organizationTarget({ id: organization.id, isHost: organization.is_host === 1 }));
  // The operator CLI calls this without the HTTP contract in front of it: check with the same schemas.
  const parsedEmail = Email.safeParse(input.email.trim());
  if (!parsedEmail.success) throw errors.badRequest('Not a valid e-mail address.');
  if (!PersonName.safeParse(input.name).success) throw errors.badRequest('Give a name of 1 to 120 characters.');
  const email = parsedEmail.data;
  const weakness = passwordWeakness(input.password, email);
  if (weakness) throw weakPassword(weakness);
  await ensureEmailFree(email, ctx.db);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await insertPerson(trx, {
        id,
        email,
        name: input.name.trim(),
        organizationId: organization.id,
        status: 'active',
        isAdmin: Boolean(input.isAdmin),
        isOrgAdmin: false,
        sponsorId: null,
        accessExpiresAt: null,
        passwordHash,
        nowIso: ctx.clock.now().toISOString(),
      });
      await record(trx, ctx, {
        action: 'person.created',
        target: { type: 'person', id, label: email },
        details: { organizationId: organization.id, isAdmin: Boolean(input.isAdmin) },
      });
    })
    .catch(emailTakenOnRace);
  return reloadPerson(ctx, id);
}

/**
 * Who holds an e-mail address, whether or not the actor may see them: for callers that must know if an address is
 * taken (inviting into a space) or that act as the operator. Never return what it finds to a client unchecked.
 */
export async function unsafeLookupPersonByEmail(ctx: RequestContext, email: string, db: DbOrTrx = ctx.db) {
  return (await unsafeFindPersonByEmail(db, email.trim())) ?? null;
}

/** Like unsafeLookupPersonByEmail, by id: for the spaces module's "colleague of a member" rule. */
export async function unsafeLookupPersonById(ctx: RequestContext, id: string, db: DbOrTrx = ctx.db) {
  return (await unsafeFindPersonById(db, id)) ?? null;
}

/** For the operator CLI: disable by e-mail address. */
export async function disablePersonByEmail(ctx: RequestContext, email: string): Promise<Person> {
  const person = await unsafeLookupPersonByEmail(ctx, email);
  if (!person) throw errors.notFound(`No person with e-mail ${email}.`);
  return disablePerson(ctx, { id: person.id });
}
