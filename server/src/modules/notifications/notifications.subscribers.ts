import { type Subscriber, subscribe } from '../../core/events/events';
import { enqueueJob } from '../../core/jobs/jobs';

export const FOLDER_ACTIVITY_JOB = 'notifications.folder_activity';

type FolderActivity = {
  folderId: string;
  documentId: string;
  versionNumber: number;
  /** The person who uploaded (never notified of their own upload). */
  byUserId: string | null;
  /** How the uploader is named in the notice: a person's name, or the e-mail of a request's recipient. */
  by: string | null;
};

/**
 * Tells the followers of a folder (and of the folders above it) about a new file or a new version in it. The notice
 * is queued when the upload's event is delivered, and sent by a job that checks, at delivery time, that each
 * follower can still read the space and the document (the checks read the database as each follower, which a
 * subscriber inside its delivery transaction cannot do on SQLite's single connection).
 */
// Annotated: inferring the type from the initializer would run through the Database type, which comes from the
// manifests that list these subscribers.
export const notificationsSubscribers: Record<string, Subscriber> = {
  'notifications.folder_activity': subscribe(['document.version_added'], async (trx, event, deps) => {
    const { folderId, documentId, versionNumber, cause } = event.payload;
    // A restore or a copy brings back a file the space already had: only an upload is news to followers.
    if (cause !== 'upload' || !folderId) return;
    const activity: FolderActivity = {
      folderId,
      documentId,
      versionNumber,
      byUserId: event.actorId,
      by: event.actorName,
    };
    await enqueueJob(trx, deps.clock.now(), { kind: FOLDER_ACTIVITY_JOB, payload: activity });
  }),
};
