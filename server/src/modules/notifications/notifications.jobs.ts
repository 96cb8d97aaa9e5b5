import { z } from 'zod';
import { type Deps, systemContext } from '../../core/context';
import { newId } from '../../core/ids';
import { enqueueMail } from '../../core/mail/mail';
import { authorizeDocument, unsafeFolderAncestry, unsafeGetDocumentById } from '../documents';
import { creatorMay, liveCreatorContext } from '../shares';
import { activityBody, activityMail, activityTitle } from './notifications.mails';

const Payload = z.object({
  folderId: z.string(),
  documentId: z.string(),
  versionNumber: z.number().int(),
  byUserId: z.string().nullable(),
  by: z.string().nullable(),
});

/**
 * Delivers a folder activity: an in-app notice and an e-mail to each follower of the folder or of a folder above it,
 * except the uploader. Each follower's access is checked now, through the policy as that person: someone disabled,
 * whose organization was disabled, or who left the space gets nothing, whatever they followed.
 */
export async function deliverFolderActivity(payload: unknown, deps: Deps): Promise<void> {
  const activity = Payload.parse(payload);
  const doc = await unsafeGetDocumentById(deps.db, activity.documentId);
  if (!doc || doc.trashed_at) return;
  const ancestry = await unsafeFolderAncestry(deps.db, activity.folderId);
  if (ancestry.length === 0) return;
  const follows = await deps.db
    .selectFrom('folder_follows as ff')
    .innerJoin('users as u', 'u.id', 'ff.user_id')
    .select(['ff.user_id', 'u.email', 'u.locale'])
    .where(
      'ff.folder_id',
      'in',
      ancestry.map((folder) => folder.id),
    )
    .execute();
  const base = systemContext(deps, 'notifications');
  const folder = ancestry[ancestry.length - 1];
  const link = `/spaces/${doc.space_id}?folder=${folder.id}`;
  const seen = new Set<string>();
  for (const follower of follows) {
    if (seen.has(follower.user_id) || follower.user_id === activity.byUserId) continue;
    seen.add(follower.user_id);
    const person = await liveCreatorContext(base, follower.user_id);
    if (!person) continue;
    if (!(await creatorMay(() => authorizeDocument(person, { id: doc.id, action: 'document.read' })))) continue;
    const facts = { document: doc.name, folder: folder.name, version: activity.versionNumber, by: activity.by };
    const title = activityTitle(follower.locale, facts);
    const body = activityBody(follower.locale, facts);
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      await trx
        .insertInto('notifications')
        .values({
          id: newId(),
          user_id: follower.user_id,
          kind: activity.versionNumber === 1 ? 'folder.new_file' : 'folder.new_version',
          title,
          body,
          link,
          created_at: now.toISOString(),
          read_at: null,
        })
        .execute();
      const url = `${deps.config.publicUrl}${link}`;
      await enqueueMail(trx, now, activityMail({ to: follower.email, locale: follower.locale, title, body, url }));
    });
  }
}
