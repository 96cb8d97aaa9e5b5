import { CreateSpaceBody, type Space, type SpaceRole } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import type { RequestContext } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { abilities, authorize, type PolicyAction } from '../../core/policy/policy';
import { globalResource } from '../../core/policy/resources';
import { authorizePerson, unsafeLookupPersonByEmail } from '../people';
import { chooseCapabilities, sameCapabilities } from './spaces.capabilities';
import { invalidMember } from './spaces.errors';
import { insertMember } from './spaces.members.queries';
import { nextFreeSlug, roleFromRank, slugify, spaceResource } from './spaces.models';
import {
  getSpaceWithFacts,
  insertSpace,
  listCapabilitiesOf,
  listVisibleSpaces,
  replaceCapabilities,
  type SpaceRow,
  unsafeListSlugsStartingWith,
  updateSpaceRow,
} from './spaces.queries';
import { indexSpace } from './spaces.search';

type SpaceKind = Space['kind'];
/** Two creations may pick the same free slug at once; the loser retries with the next one. */
const SLUG_ATTEMPTS = 5;

function toSpace(ctx: RequestContext, row: SpaceRow, capabilities: string[]): Space {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind as SpaceKind,
    description: row.description,
    status: row.status,
    myRole: roleFromRank(row.my_role_rank as number | null),
    memberCount: Number(row.member_count ?? 0),
    createdAt: row.created_at,
    capabilities,
    abilities: abilities(ctx.actor, spaceResource(row)),
  };
}

/** Loads a space and authorizes `action`: 404 when the actor is not in it, 403 when their role is too weak. */
export async function authorizeSpace(
  ctx: RequestContext,
  input: { id: string; action: PolicyAction },
): Promise<SpaceRow> {
  const row = await getSpaceWithFacts(ctx.db, {
    actor: ctx.actor,
    nowIso: ctx.clock.now().toISOString(),
    id: input.id,
  });
  if (!row) throw errors.notFound();
  authorize(ctx.actor, input.action, spaceResource(row));
  return row;
}

async function withCapabilities(ctx: RequestContext, row: SpaceRow): Promise<Space> {
  const capabilities = await listCapabilitiesOf(ctx.db, [row.id]);
  return toSpace(ctx, row, capabilities.get(row.id) ?? []);
}

async function reloadSpace(ctx: RequestContext, id: string): Promise<Space> {
  const row = await getSpaceWithFacts(ctx.db, { actor: ctx.actor, nowIso: ctx.clock.now().toISOString(), id });
  if (!row) throw errors.notFound();
  return withCapabilities(ctx, row);
}

export async function listSpaces(ctx: RequestContext) {
  const rows = await listVisibleSpaces(ctx.db, { actor: ctx.actor, nowIso: ctx.clock.now().toISOString() });
  const capabilities = await listCapabilitiesOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    spaces: rows.map((row) => toSpace(ctx, row, capabilities.get(row.id) ?? [])),
    abilities: abilities(ctx.actor, globalResource),
  };
}

/** The spaces the actor may read that have this capability on (WebDAV shows only those with documents). */
export async function listSpacesWith(ctx: RequestContext, capability: string): Promise<Space[]> {
  const { spaces } = await listSpaces(ctx);
  return spaces.filter((space) => space.capabilities.includes(capability));
}

export async function getSpace(ctx: RequestContext, input: { id: string }): Promise<Space> {
  return withCapabilities(ctx, await authorizeSpace(ctx, { id: input.id, action: 'space.read' }));
}

/** Owners answer for a space towards the partners in it, so an owner is always an active host person. */
async function ensureHostOwner(ctx: RequestContext, personId: string) {
  const person = await authorizePerson(ctx, { id: personId, action: 'person.read' });
  if (person.organization_is_host !== 1 || person.status === 'disabled') {
    throw invalidMember('The owner of a space must be an active person of the host organization.');
  }
  return person;
}

type CreateSpaceInput = {
  name: string;
  kind: SpaceKind;
  description?: string;
  ownerId?: string;
  /** Instead of the kind's defaults. */
  capabilities?: string[];
};

/** Creates a space with its first owner: `ownerId` (a host person), or else the creator themselves. */
export async function createSpace(ctx: RequestContext, input: CreateSpaceInput): Promise<Space> {
  authorize(ctx.actor, 'space.create', globalResource);
  // The operator CLI calls this without the HTTP contract in front of it: check with the same schema.
  const parsed = CreateSpaceBody.safeParse(input);
  if (!parsed.success) throw errors.badRequest(parsed.error.issues.map((issue) => issue.message).join('; '));
  const ownerId = input.ownerId ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null);
  if (!ownerId) throw invalidMember('Name the owner of the space.');
  if (input.ownerId) await ensureHostOwner(ctx, input.ownerId);
  const capabilities = chooseCapabilities({ kind: input.kind, asked: input.capabilities });
  const name = input.name.trim();
  const base = slugify(name);
  const id = newId();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const nowIso = ctx.clock.now().toISOString();
        const slug = nextFreeSlug(base, await unsafeListSlugsStartingWith(trx, base));
        const createdBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
        await insertSpace(trx, {
          id,
          name,
          slug,
          kind: input.kind,
          description: input.description ?? '',
          createdBy,
          nowIso,
        });
        const owner = { id: newId(), spaceId: id, userId: ownerId, organizationId: null, role: 'owner' as SpaceRole };
        await insertMember(trx, { ...owner, expiresAt: null, createdBy, nowIso });
        await replaceCapabilities(trx, { spaceId: id, capabilities });
        await indexSpace(trx, id);
        await record(trx, ctx, {
          action: 'space.created',
          target: { type: 'space', id, label: name },
          details: { kind: input.kind, slug, ownerId, capabilities },
        });
      });
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
  return reloadSpace(ctx, id);
}

/** For the operator CLI: a space owned by the host person with this e-mail address. */
export async function createSpaceForOwnerEmail(
  ctx: RequestContext,
  input: Omit<CreateSpaceInput, 'ownerId'> & { ownerEmail: string },
): Promise<Space> {
  const owner = await unsafeLookupPersonByEmail(ctx, input.ownerEmail);
  if (!owner) throw errors.notFound(`No person with e-mail ${input.ownerEmail}.`);
  return createSpace(ctx, { name: input.name, kind: input.kind, description: input.description, ownerId: owner.id });
}

/**
 * Renames or describes a space (`space.update`) and turns its capabilities on and off (`space.manage_capabilities`):
 * each part of the body needs its own right, so a request carrying both needs both.
 */
export async function updateSpace(
  ctx: RequestContext,
  input: { id: string; name?: string; description?: string; capabilities?: string[] },
): Promise<Space> {
  const describes = input.name !== undefined || input.description !== undefined || input.capabilities === undefined;
  const current = await authorizeSpace(ctx, {
    id: input.id,
    action: describes ? 'space.update' : 'space.manage_capabilities',
  });
  if (describes && input.capabilities !== undefined) {
    authorize(ctx.actor, 'space.manage_capabilities', spaceResource(current));
  }
  const set: { name?: string; description?: string } = {};
  const name = input.name?.trim();
  if (name !== undefined && name !== current.name) set.name = name;
  if (input.description !== undefined && input.description !== current.description) set.description = input.description;
  const before = [...((await listCapabilitiesOf(ctx.db, [current.id])).get(current.id) ?? [])].sort();
  const after =
    input.capabilities === undefined
      ? before
      : chooseCapabilities({ kind: current.kind as SpaceKind, asked: input.capabilities });
  const capabilitiesChange = !sameCapabilities(before, after);
  if (Object.keys(set).length === 0 && !capabilitiesChange) return toSpace(ctx, current, before);
  await ctx.db.transaction().execute(async (trx) => {
    // Also when only capabilities change: the new updated_at renews the space's WebDAV listing stamp.
    await updateSpaceRow(trx, { id: current.id, nowIso: ctx.clock.now().toISOString(), set });
    await indexSpace(trx, current.id);
    if (Object.keys(set).length > 0) {
      await record(trx, ctx, {
        action: 'space.updated',
        target: { type: 'space', id: current.id, label: set.name ?? current.name },
        details: { changed: Object.keys(set), ...(set.name ? { previousName: current.name, name: set.name } : {}) },
      });
    }
    if (capabilitiesChange) {
      await replaceCapabilities(trx, { spaceId: current.id, capabilities: after });
      await record(trx, ctx, {
        action: 'space.capabilities_changed',
        target: { type: 'space', id: current.id, label: set.name ?? current.name },
        details: { before, after },
      });
    }
  });
  return reloadSpace(ctx, current.id);
}

/** Archiving freezes a space: it stays readable for its members, and the policy refuses every change to it. */
export async function archiveSpace(ctx: RequestContext, input: { id: string }): Promise<Space> {
  const current = await authorizeSpace(ctx, { id: input.id, action: 'space.archive' });
  await ctx.db.transaction().execute(async (trx) => {
    await updateSpaceRow(trx, { id: current.id, nowIso: ctx.clock.now().toISOString(), set: { status: 'archived' } });
    await indexSpace(trx, current.id);
    await record(trx, ctx, {
      action: 'space.archived',
      target: { type: 'space', id: current.id, label: current.name },
    });
  });
  return reloadSpace(ctx, current.id);
}
