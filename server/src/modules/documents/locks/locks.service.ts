import type { DocumentSummary } from '@gatehouse/contracts';
import { record } from '../../../core/audit/audit';
import { actorId } from '../../../core/auth/actor';
import { addMinutes } from '../../../core/clock';
import type { RequestContext } from '../../../core/context';
import type { Trx } from '../../../core/db/database';
import { authorize } from '../../../core/policy/policy';
import { owns } from '../../../core/policy/predicates';
import { authorizeDocument, documentResource, ensureDocumentAllowed } from '../documents.access';
import { toDocumentSummary } from '../documents.mappers';
import { DEFAULT_LOCK_MINUTES, liveLockHolder } from '../documents.models';
import { setDocumentLock } from '../documents.queries';
import { lockDocumentRow, reloadSummary } from '../versions/versions.service';

/**
 * Checks a document out for `minutes` (60 by default). Taking your own lock again extends it; someone else's live
 * lock answers 423. A lock is only a signal to others: it expires by itself, and expired locks are ignored everywhere.
 * `alongside` writes in the same transaction what must stand or fall with the check-out (the WebDAV lock).
 */
export async function lockDocument(
  ctx: RequestContext,
  input: { id: string; minutes?: number },
  alongside?: (trx: Trx) => Promise<void>,
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.lock' });
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockDocumentRow(trx, doc.id);
    ensureDocumentAllowed(ctx, facts, current, 'document.lock');
    const now = ctx.clock.now();
    const expiresAt = addMinutes(now, input.minutes ?? DEFAULT_LOCK_MINUTES).toISOString();
    await setDocumentLock(trx, { id: doc.id, userId: actorId(ctx.actor), expiresAt });
    await record(trx, ctx, {
      action: 'document.locked',
      target: { type: 'document', id: doc.id, label: doc.name },
      details: { spaceId: facts.spaceId, expiresAt, renewed: liveLockHolder(current, now.toISOString()) !== null },
    });
    await alongside?.(trx);
  });
  return reloadSummary(ctx, facts, doc.id);
}

/**
 * Checks a document in. The holder releases their own lock; a manager or owner (or host admin) may break someone
 * else's, which is audited as such. Releasing a document that is not locked changes nothing. `alongside` runs in the
 * transaction of the check-in (or its own when there is nothing to check in).
 */
export async function unlockDocument(
  ctx: RequestContext,
  input: { id: string },
  alongside?: (trx: Trx) => Promise<void>,
): Promise<DocumentSummary> {
  const { doc, facts } = await authorizeDocument(ctx, { id: input.id, action: 'document.read' });
  const holder = liveLockHolder(doc, ctx.clock.now().toISOString());
  if (!holder) {
    if (alongside) await ctx.db.transaction().execute(alongside);
    return toDocumentSummary(ctx, facts, doc);
  }
  const mine = owns(ctx.actor, holder);
  // Releasing your own lock needs the right to lock; breaking another person's needs the right to break locks.
  authorize(ctx.actor, mine ? 'document.lock' : 'document.break_lock', {
    ...documentResource(ctx, facts, doc),
    lockHolderId: null,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await alongside?.(trx);
    const current = await lockDocumentRow(trx, doc.id);
    const stillHeldBy = liveLockHolder(current, ctx.clock.now().toISOString());
    if (stillHeldBy !== holder) return;
    await setDocumentLock(trx, { id: doc.id, userId: null, expiresAt: null });
    await record(trx, ctx, {
      action: mine ? 'document.unlocked' : 'document.lock_broken',
      target: { type: 'document', id: doc.id, label: doc.name },
      details: { spaceId: facts.spaceId, ...(mine ? {} : { holderId: holder, holder: doc.lock_user_name }) },
    });
  });
  return reloadSummary(ctx, facts, doc.id);
}
