import { CreateOrganizationBody, type Organization } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { type Deps, type RequestContext, systemContext } from '../../core/context';
import { isUniqueViolation, lockSequence } from '../../core/db/dialect';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { abilities, authorize, can, type PolicyAction } from '../../core/policy/policy';
import { globalResource } from '../../core/policy/resources';
import { revokeAllCredentials } from '../identity';
import { hostOrganizationImmutable, organizationNameTaken } from './organizations.errors';
import { looksLikeId, organizationNameKey, organizationResource } from './organizations.models';
import {
  getOrganizationWithFacts,
  insertOrganization,
  listVisibleOrganizations,
  type OrganizationRow,
  unsafeFindHostOrganization,
  unsafeFindOrganizationIdByNameKey,
  unsafeListPersonIdsOfOrganization,
  updateOrganizationRow,
} from './organizations.queries';

type PartnerKind = Exclude<Organization['kind'], 'host'>;

function toOrganization(ctx: RequestContext, row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Organization['kind'],
    isHost: row.is_host === 1,
    status: row.status,
    peopleCount: Number(row.people_count ?? 0),
    createdAt: row.created_at,
    abilities: abilities(ctx.actor, organizationResource(row)),
  };
}

/**
 * Loads an organization and authorizes `action` on it: 404 when the actor may not see it, 403 when they may see it
 * but not do this. Other modules call it before acting on an organization (inviting into it, adding it to a space).
 */
export async function authorizeOrganization(
  ctx: RequestContext,
  input: { id: string; action: PolicyAction },
): Promise<OrganizationRow> {
  const row = await getOrganizationWithFacts(ctx.db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    id: input.id,
  });
  if (!row) throw errors.notFound();
  authorize(ctx.actor, input.action, organizationResource(row));
  return row;
}

async function reload(ctx: RequestContext, id: string): Promise<Organization> {
  const row = await getOrganizationWithFacts(ctx.db, { actor: ctx.actor, nowIso: ctx.clock.now().toISOString(), id });
  if (!row) throw errors.notFound();
  return toOrganization(ctx, row);
}

/** Unique names are checked first for a clear answer; the unique index still decides when two requests race. */
async function ensureNameFree(ctx: RequestContext, nameKey: string, exceptId?: string) {
  const existing = await unsafeFindOrganizationIdByNameKey(ctx.db, nameKey);
  if (existing && existing.id !== exceptId) throw organizationNameTaken();
}

function nameTakenOnRace(error: unknown): never {
  if (isUniqueViolation(error)) throw organizationNameTaken();
  throw error;
}

/**
 * Creates the single host organization at first start. Idempotent; when several instances start at once on
 * PostgreSQL the advisory lock serializes them, and the unique name is the last line of defence.
 */
export async function ensureHostOrganization(deps: Deps): Promise<{ id: string; name: string }> {
  const existing = await unsafeFindHostOrganization(deps.db);
  if (existing) return existing;
  const ctx = systemContext(deps, 'start');
  const name = deps.config.HOST_ORGANIZATION_NAME.trim();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockSequence(trx, 'host-organization');
      const raced = await unsafeFindHostOrganization(trx);
      if (raced) return raced;
      const id = newId();
      const nowIso = ctx.clock.now().toISOString();
      await insertOrganization(trx, {
        id,
        name,
        nameKey: organizationNameKey(name),
        kind: 'host',
        isHost: true,
        nowIso,
      });
      await record(trx, ctx, {
        action: 'organization.created',
        target: { type: 'organization', id, label: name },
        details: { kind: 'host' },
      });
      return { id, name };
    });
  } catch (error) {
    const winner = await unsafeFindHostOrganization(deps.db);
    if (winner) return winner;
    throw error;
  }
}

export async function listOrganizations(ctx: RequestContext, input: { q?: string; kind?: Organization['kind'] }) {
  const rows = await listVisibleOrganizations(ctx.db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    q: input.q?.trim() || undefined,
    kind: input.kind,
  });
  return {
    organizations: rows.map((row) => toOrganization(ctx, row)),
    abilities: abilities(ctx.actor, globalResource),
  };
}

export async function getOrganization(ctx: RequestContext, input: { id: string }): Promise<Organization> {
  return toOrganization(ctx, await authorizeOrganization(ctx, { id: input.id, action: 'organization.read' }));
}

export async function createOrganization(ctx: RequestContext, input: { name: string; kind: PartnerKind }) {
  authorize(ctx.actor, 'organization.create', globalResource);
  // The operator CLI calls this without the HTTP contract in front of it: check with the same schema.
  const parsed = CreateOrganizationBody.safeParse(input);
  if (!parsed.success) throw errors.badRequest(parsed.error.issues.map((issue) => issue.message).join('; '));
  const name = parsed.data.name;
  const nameKey = organizationNameKey(name);
  await ensureNameFree(ctx, nameKey);
  const id = newId();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await insertOrganization(trx, {
        id,
        name,
        nameKey,
        kind: input.kind,
        isHost: false,
        nowIso: ctx.clock.now().toISOString(),
      });
      await record(trx, ctx, {
        action: 'organization.created',
        target: { type: 'organization', id, label: name },
        details: { kind: input.kind },
      });
    })
    .catch(nameTakenOnRace);
  return reload(ctx, id);
}

export async function updateOrganization(
  ctx: RequestContext,
  input: { id: string; name?: string; kind?: PartnerKind },
): Promise<Organization> {
  const current = await authorizeOrganization(ctx, { id: input.id, action: 'organization.update' });
  if (current.is_host === 1 && input.kind !== undefined)
    throw hostOrganizationImmutable('The host organization keeps its kind.');
  const name = input.name?.trim();
  const changes: Record<string, { from: string; to: string }> = {};
  if (name !== undefined && name !== current.name) changes.name = { from: current.name, to: name };
  if (input.kind !== undefined && input.kind !== current.kind) changes.kind = { from: current.kind, to: input.kind };
  if (Object.keys(changes).length === 0) return toOrganization(ctx, current);
  if (changes.name) await ensureNameFree(ctx, organizationNameKey(changes.name.to), current.id);

  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await updateOrganizationRow(trx, {
        id: current.id,
        nowIso: ctx.clock.now().toISOString(),
        ...(changes.name ? { name: changes.name.to, nameKey: organizationNameKey(changes.name.to) } : {}),
        ...(changes.kind ? { kind: changes.kind.to } : {}),
      });
      await record(trx, ctx, {
        action: 'organization.updated',
        target: { type: 'organization', id: current.id, label: changes.name?.to ?? current.name },
        details: changes,
      });
    })
    .catch(nameTakenOnRace);
  return reload(ctx, current.id);
}

/**
 * Disables an organization: every person in it is refused from the next request on (sessions and tokens check the
 * organization's status), and their credentials are revoked too so re-enabling it does not silently revive them.
 */
export async function disableOrganization(ctx: RequestContext, input: { id: string }): Promise<Organization> {
  const current = await authorizeOrganization(ctx, { id: input.id, action: 'organization.read' });
  const resource = organizationResource(current);
  // Someone who may change the organization yet not disable it is looking at the host one: say why, with its code.
  if (!can(ctx.actor, 'organization.disable', resource) && can(ctx.actor, 'organization.update', resource)) {
    throw hostOrganizationImmutable('The host organization cannot be disabled.');
  }
  authorize(ctx.actor, 'organization.disable', resource);
  if (current.status === 'disabled') return toOrganization(ctx, current);

  await ctx.db.transaction().execute(async (trx) => {
    const nowIso = ctx.clock.now().toISOString();
    await updateOrganizationRow(trx, { id: current.id, nowIso, status: 'disabled' });
    const personIds = await unsafeListPersonIdsOfOrganization(trx, current.id);
    await revokeAllCredentials(trx, personIds, nowIso);
    await record(trx, ctx, {
      action: 'organization.disabled',
      target: { type: 'organization', id: current.id, label: current.name },
      details: { peopleCount: personIds.length },
    });
  });
  return reload(ctx, current.id);
}

export async function enableOrganization(ctx: RequestContext, input: { id: string }): Promise<Organization> {
  const current = await authorizeOrganization(ctx, { id: input.id, action: 'organization.disable' });
  if (current.status === 'active') return toOrganization(ctx, current);
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganizationRow(trx, { id: current.id, nowIso: ctx.clock.now().toISOString(), status: 'active' });
    await record(trx, ctx, {
      action: 'organization.enabled',
      target: { type: 'organization', id: current.id, label: current.name },
    });
  });
  return reload(ctx, current.id);
}

/**
 * For the operator CLI: an organization by id or by name (case-insensitive); no value means the host organization.
 * Throws 404 naming the value when there is none, so the CLI prints a useful line.
 */
export async function findOrganizationByNameOrId(ctx: RequestContext, value: string | null): Promise<Organization> {
  const id =
    value === null
      ? (await unsafeFindHostOrganization(ctx.db))?.id
      : looksLikeId(value)
        ? value
        : (await unsafeFindOrganizationIdByNameKey(ctx.db, organizationNameKey(value)))?.id;
  if (!id) throw errors.notFound(`No organization named ${value ?? '(host)'}.`);
  return getOrganization(ctx, { id });
}
