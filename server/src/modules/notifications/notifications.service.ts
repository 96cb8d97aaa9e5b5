import type { Notification } from '@gatehouse/contracts';
import { record } from '../../core/audit/audit';
import { actorId } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { errors } from '../../core/http/errors';
import { newId } from '../../core/ids';
import { authorize } from '../../core/policy/policy';
import { authorizeFolder } from '../documents';

async function isFollowing(ctx: RequestContext, folderId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('folder_follows')
    .select('id')
    .where('folder_id', '=', folderId)
    .where('user_id', '=', actorId(ctx.actor) ?? '')
    .executeTakeFirst();
  return Boolean(row);
}

export async function getFollow(ctx: RequestContext, input: { folderId: string }) {
  await authorizeFolder(ctx, { folderId: input.folderId, action: 'folder.read' });
  return { following: await isFollowing(ctx, input.folderId) };
}

/**
 * Following is personal: every member who reads the folder may follow it (people only, not scripts' system actor).
 * Only a change of state is audited: following a folder already followed records nothing.
 */
export async function followFolder(ctx: RequestContext, input: { folderId: string }) {
  const { folder, facts } = await authorizeFolder(ctx, { folderId: input.folderId, action: 'folder.follow' });
  const userId = actorId(ctx.actor) as string;
  if (!(await isFollowing(ctx, input.folderId))) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('folder_follows')
          .values({
            id: newId(),
            folder_id: input.folderId,
            user_id: userId,
            created_at: ctx.clock.now().toISOString(),
          })
          .execute();
        await record(trx, ctx, {
          action: 'folder.followed',
          target: { type: 'folder', id: input.folderId, label: folder?.name ?? null },
          details: { spaceId: facts.spaceId },
        });
      });
    } catch (error) {
      // A double click raced itself: following twice is following.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { following: true };
}

export async function unfollowFolder(ctx: RequestContext, input: { folderId: string }) {
  const { folder, facts } = await authorizeFolder(ctx, { folderId: input.folderId, action: 'folder.read' });
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('folder_follows')
      .where('folder_id', '=', input.folderId)
      .where('user_id', '=', actorId(ctx.actor) ?? '')
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    await record(trx, ctx, {
      action: 'folder.unfollowed',
      target: { type: 'folder', id: input.folderId, label: folder?.name ?? null },
      details: { spaceId: facts.spaceId },
    });
  });
  return { following: false };
}

/** Own notices only, newest first, with the number still unread. */
export async function listNotifications(
  ctx: RequestContext,
  input: { unread?: 'true' | 'false'; limit: number },
): Promise<{ notifications: Notification[]; unread: number }> {
  const userId = actorId(ctx.actor) ?? '';
  const rows = await ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(input.unread === 'true', (qb) => qb.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.created_at,
      readAt: row.read_at,
    })),
    unread: Number(unread.n),
  };
}

/** Someone else's notice is as invisible as a missing one (404). */
export async function markNotificationRead(ctx: RequestContext, input: { id: string }) {
  const notice = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'user_id'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!notice) throw errors.notFound();
  authorize(ctx.actor, 'notification.update', { type: 'notification', id: notice.id, ownerId: notice.user_id });
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('id', '=', notice.id)
    .where('read_at', 'is', null)
    .execute();
  return { ok: true as const };
}

export async function markAllNotificationsRead(ctx: RequestContext) {
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', actorId(ctx.actor) ?? '')
    .where('read_at', 'is', null)
    .execute();
  return { ok: true as const };
}
