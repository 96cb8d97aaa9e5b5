import type { Db } from '../../core/db/database';
import { hashToken, newId, newSecret } from '../../core/ids';

/**
 * Rows of the shares, requests and notifications tables belonging to someone, planted directly so the route inventory
 * can check that another organization's person gets 404 on each of them.
 */
export async function plantSharingRows(
  db: Db,
  owner: { spaceId: string; folderId: string; documentId: string; personId: string },
) {
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 86_400_000).toISOString();
  const shareLinkId = newId();
  const requestId = newId();
  const requestItemId = newId();
  const notificationId = newId();
  await db
    .insertInto('share_links')
    .values({
      id: shareLinkId,
      token_hash: hashToken(newSecret()),
      token_sealed: 'v1.x.x.x',
      space_id: owner.spaceId,
      document_id: owner.documentId,
      folder_id: null,
      created_by: owner.personId,
      created_at: now,
      expires_at: later,
      password_hash: null,
      require_email: 0,
      recipient_email: null,
      max_downloads: null,
      download_count: 0,
      note: '',
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  await db
    .insertInto('document_requests')
    .values({
      id: requestId,
      space_id: owner.spaceId,
      folder_id: owner.folderId,
      created_by: owner.personId,
      title: 'Papers',
      message: '',
      recipient_name: 'Someone',
      recipient_email: 'someone@example.test',
      locale: 'en',
      token_hash: hashToken(newSecret()),
      token_sealed: 'v1.x.x.x',
      due_at: later,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('document_request_items')
    .values({
      id: requestItemId,
      request_id: requestId,
      position: 0,
      label: 'Kbis',
      status: 'received',
      comment: '',
      reviewed_at: null,
      reviewed_by: null,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('notifications')
    .values({
      id: notificationId,
      user_id: owner.personId,
      kind: 'folder.new_file',
      title: 'New file',
      body: '',
      link: '/',
      created_at: now,
      read_at: null,
    })
    .execute();
  return { shareLinkId, requestId, requestItemId, notificationId };
}
