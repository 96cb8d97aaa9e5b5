import { Readable } from 'node:stream';
import { createPerson, hostOrganization } from '../src/cli/seed-factories';
import { hashPassword } from '../src/core/auth/passwords';
import type { Db } from '../src/core/db/database';
import { hashToken, newId, newSecret } from '../src/core/ids';
import type { BlobStore } from '../src/core/storage/blob-store';
import { recordBlob } from '../src/core/storage/blobs.queries';
import { insertVersion } from '../src/modules/documents/versions/versions.queries';

export {
  addMember,
  type CreatedPerson,
  createOrganization,
  createPerson,
  createSpace,
  DEFAULT_PASSWORD,
  hostOrganization,
} from '../src/cli/seed-factories';

/**
 * Test factories: each creates what it needs and the parents it is not given. They insert rows directly, which is why
 * they live here and never in server code paths. Those the demo seed uses too live in src/cli/seed-factories.ts.
 */
let counter = 0;
const next = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
};
const now = () => new Date().toISOString();
export async function createHostAdmin(db: Db, input: { email?: string; password?: string } = {}) {
  const host = await hostOrganization(db);
  return createPerson(db, { ...input, organizationId: host.id, isAdmin: true });
}

export async function createFolder(
  db: Db,
  input: { spaceId: string; parentId?: string | null; name?: string; createdBy?: string | null },
) {
  const name = input.name ?? `Folder ${next()}`;
  const row = {
    id: newId(),
    space_id: input.spaceId,
    parent_id: input.parentId ?? null,
    name,
    name_key: name.normalize('NFC').toLowerCase(),
    created_by: input.createdBy ?? null,
    created_at: now(),
    updated_at: now(),
    trashed_at: null,
    trashed_by: null,
    trash_root_id: null,
  };
  await db.insertInto('folders').values(row).execute();
  return row;
}

/**
 * A document with one version whose bytes really go through the file store (so downloads work), recorded the way
 * the upload service records them. Names are stored as given: tests use it to plant names the API would refuse.
 */
export async function createDocument(
  deps: { db: Db; blobs: BlobStore },
  input: {
    spaceId: string;
    folderId?: string | null;
    name?: string;
    bytes?: Uint8Array;
    mimeType?: string;
    authorId?: string | null;
  },
) {
  const name = input.name ?? `Document ${next()}.txt`;
  const bytes = Buffer.from(input.bytes ?? Buffer.from(`content of ${name}`));
  const put = await deps.blobs.put(Readable.from([bytes]));
  const id = newId();
  const versionId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await recordBlob(trx, { ...put, storage: deps.blobs.kind, createdAt: now() });
    await trx
      .insertInto('documents')
      .values({
        id,
        space_id: input.spaceId,
        folder_id: input.folderId ?? null,
        name,
        name_key: name.normalize('NFC').toLowerCase(),
        current_version_id: versionId,
        version: 1,
        size: put.size,
        mime_type: input.mimeType ?? 'text/plain',
        description: '',
        tags: '[]',
        created_by: input.authorId ?? null,
        updated_by: input.authorId ?? null,
        created_at: now(),
        updated_at: now(),
        trashed_at: null,
        trashed_by: null,
        trash_root_id: null,
        lock_user_id: null,
        lock_expires_at: null,
      })
      .execute();
    // Through the versions queries, so the space's usage counts this blob as an upload would.
    await insertVersion(trx, {
      id: versionId,
      documentId: id,
      number: 1,
      sha256: put.sha256,
      size: put.size,
      mimeType: input.mimeType ?? 'text/plain',
      authorId: input.authorId ?? null,
      comment: '',
      nowIso: now(),
    });
  });
  return { id, versionId, name, sha256: put.sha256, size: put.size, bytes };
}

/**
 * A share link of one document or folder, planted as if `createdBy` had made it; `token` is the secret its visitors
 * use (the sealed copy is a dummy: only the creator's listing would open it).
 */
export async function createShareLink(
  db: Db,
  input: { spaceId: string; documentId?: string; folderId?: string; createdBy: string; password?: string },
) {
  const token = newSecret();
  const row = {
    id: newId(),
    token_hash: hashToken(token),
    token_sealed: 'v1.x.x.x',
    space_id: input.spaceId,
    document_id: input.documentId ?? null,
    folder_id: input.documentId ? null : (input.folderId ?? null),
    created_by: input.createdBy,
    created_at: now(),
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    password_hash: input.password ? await hashPassword(input.password) : null,
    require_email: 0,
    recipient_email: null,
    max_downloads: null,
    download_count: 0,
    note: '',
    revoked_at: null,
    revoked_by: null,
  };
  await db.insertInto('share_links').values(row).execute();
  return { id: row.id, token };
}

/**
 * An open document request delivering into a folder of the space, with one item already received (ready to review)
 * unless `itemStatus` says otherwise; `token` is the secret of its upload page.
 */
export async function createDocumentRequest(
  db: Db,
  input: { spaceId: string; folderId?: string | null; createdBy: string; itemStatus?: 'pending' | 'received' },
) {
  const token = newSecret();
  const id = newId();
  const itemId = newId();
  await db
    .insertInto('document_requests')
    .values({
      id,
      space_id: input.spaceId,
      folder_id: input.folderId ?? null,
      created_by: input.createdBy,
      title: 'Papers',
      message: '',
      recipient_name: 'Someone',
      recipient_email: `someone-${next()}@example.test`,
      locale: 'en',
      token_hash: hashToken(token),
      token_sealed: 'v1.x.x.x',
      due_at: new Date(Date.now() + 86_400_000).toISOString(),
      status: 'open',
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  await db
    .insertInto('document_request_items')
    .values({
      id: itemId,
      request_id: id,
      position: 0,
      label: 'Kbis',
      status: input.itemStatus ?? 'received',
      comment: '',
      reviewed_at: null,
      reviewed_by: null,
      updated_at: now(),
    })
    .execute();
  return { id, itemId, token };
}
