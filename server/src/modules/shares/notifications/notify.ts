import type { RequestContext } from '../../../core/context';
import type { DbOrTrx } from '../../../core/db/database';
import { enqueueJob } from '../../../core/jobs/jobs';

export const FOLDER_ACTIVITY_JOB = 'notifications.folder_activity';

export type FolderActivity = {
  folderId: string;
  documentId: string;
  versionNumber: number;
  /** The person who uploaded (never notified of their own upload). */
  byUserId: string | null;
  /** How the uploader is named in the notice: a person's name, or the e-mail of a request's recipient. */
  by: string | null;
};

/**
 * Tells the followers of a folder (and of the folders above it) about a new file or a new version in it. Call it in
 * the transaction that commits the upload: the notice is queued exactly when the upload commits, and delivered by a
 * job that checks, at delivery time, that each follower can still read the space and the document.
 */
export async function notifyFolderFollowers(
  trx: DbOrTrx,
  ctx: RequestContext,
  input: { folderId: string; documentId: string; versionNumber: number },
): Promise<void> {
  const actor = ctx.actor;
  const activity: FolderActivity = {
    ...input,
    byUserId: actor.kind === 'user' ? actor.id : null,
    by: actor.kind === 'user' ? actor.name : actor.kind === 'share_visitor' ? actor.email : null,
  };
  await enqueueJob(trx, ctx.clock.now(), { kind: FOLDER_ACTIVITY_JOB, payload: activity });
}
