import type { SpaceRole } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { authorize, can, type PolicyAction } from '../../core/policy/policy';
import type { DocumentResource, FolderResource } from '../../core/policy/resources';
import { getSpace } from '../spaces';
import { documentLocked, inTrash } from './documents.errors';
import { liveLockHolder } from './documents.models';
import { type DocumentRow, getDocumentById } from './documents.queries';
import { type FolderRow, getFolderById } from './folders/folders.queries';

/**
 * What the policy needs from the space around a folder or document: its status, the actor's role in it, and the
 * capabilities turned on (without `documents`, nothing of the library exists).
 */
export type SpaceFacts = {
  spaceId: string;
  spaceStatus: 'active' | 'archived';
  myRole: SpaceRole | null;
  capabilities: readonly string[];
};

/** The space through the spaces service: 404 when the actor is not a live member (host admins see every space). */
export async function spaceFacts(ctx: RequestContext, spaceId: string): Promise<SpaceFacts> {
  const space = await getSpace(ctx, { id: spaceId });
  return { spaceId, spaceStatus: space.status, myRole: space.myRole, capabilities: space.capabilities };
}

export function folderResource(facts: SpaceFacts, folder: FolderRow | null): FolderResource {
  return { type: 'folder', id: folder?.id ?? null, ...facts, trashed: Boolean(folder?.trashed_at) };
}

export function documentResource(ctx: RequestContext, facts: SpaceFacts, doc: DocumentRow): DocumentResource {
  return {
    type: 'document',
    id: doc.id,
    ...facts,
    trashed: doc.trashed_at !== null,
    lockHolderId: liveLockHolder(doc, ctx.clock.now().toISOString()),
  };
}

/**
 * The answers in order of precedence: 404 (not visible), 403 (role too weak), 409 (in the trash), 423 (someone else's
 * lock). The policy decides each step — the lock and trash states are part of the resource, so abilities show them
 * too — and the order tells the client the most useful reason.
 */
function authorizeWithState<R extends FolderResource | DocumentResource>(
  ctx: RequestContext,
  action: PolicyAction,
  resource: R,
  lockHolderLabel: string | null,
) {
  const unlocked = resource.type === 'document' ? { ...resource, lockHolderId: null } : resource;
  authorize(ctx.actor, action, { ...unlocked, trashed: false });
  if (!can(ctx.actor, action, unlocked)) throw inTrash();
  if (!can(ctx.actor, action, resource)) {
    const holder = resource.type === 'document' ? resource.lockHolderId : null;
    throw documentLocked(holder ? `Checked out by ${lockHolderLabel ?? 'someone else'}.` : undefined);
  }
}

type AuthorizedFolder = { folder: FolderRow | null; facts: SpaceFacts; resource: FolderResource };

/** Loads a folder of the space (or its root when `folderId` is null) and authorizes the action on it. */
export async function authorizeFolder(
  ctx: RequestContext,
  input: { spaceId?: string; folderId: string | null; action: PolicyAction },
): Promise<AuthorizedFolder> {
  if (ctx.actor.kind === 'anonymous') throw errors.unauthorized();
  let folder: FolderRow | null = null;
  let spaceId = input.spaceId;
  if (input.folderId) {
    folder = (await getFolderById(ctx.db, input.folderId)) ?? null;
    // A folder of another space is as invisible here as a missing one.
    if (!folder || (spaceId !== undefined && folder.space_id !== spaceId)) throw errors.notFound();
    spaceId = folder.space_id;
  }
  if (!spaceId) throw errors.notFound();
  const facts = await spaceFacts(ctx, spaceId);
  const resource = folderResource(facts, folder);
  authorizeWithState(ctx, input.action, resource, null);
  return { folder, facts, resource };
}

type AuthorizedDocument = { doc: DocumentRow; facts: SpaceFacts; resource: DocumentResource };

/** Loads a document and authorizes the action: 404, 403, 409 (trashed) or 423 (locked by someone else). */
export async function authorizeDocument(
  ctx: RequestContext,
  input: { id: string; action: PolicyAction },
): Promise<AuthorizedDocument> {
  if (ctx.actor.kind === 'anonymous') throw errors.unauthorized();
  const doc = await getDocumentById(ctx.db, input.id);
  if (!doc) throw errors.notFound();
  const facts = await spaceFacts(ctx, doc.space_id);
  const resource = documentResource(ctx, facts, doc);
  authorizeWithState(ctx, input.action, resource, doc.lock_user_name);
  return { doc, facts, resource };
}

/** Re-checks a document row read inside a transaction (a lock may have been taken since the first check). */
export function ensureDocumentAllowed(
  ctx: RequestContext,
  facts: SpaceFacts,
  doc: DocumentRow,
  action: PolicyAction,
): void {
  authorizeWithState(ctx, action, documentResource(ctx, facts, doc), doc.lock_user_name);
}
