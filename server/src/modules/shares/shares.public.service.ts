import type { RouteResponse } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { can } from '../../core/policy/policy';
import {
  type FolderRow,
  unsafeFolderAncestry,
  unsafeGetDocumentById,
  unsafeGetFolderById,
  unsafeListChildFolders,
  unsafeListFolderDocuments,
} from '../documents';
import { downloadsLeft } from './shares.models';
import { ensureUnlocked, type OpenShare, openShare, type TokenRequest } from './shares.visitor';

type View = RouteResponse<'getShare'>;
type Listing = RouteResponse<'getShareFolder'>;

const sharedFile = (doc: {
  id: string;
  name: string;
  size: number | string;
  mime_type: string;
  updated_at: string;
}) => ({
  id: doc.id,
  name: doc.name,
  size: Number(doc.size),
  mimeType: doc.mime_type,
  updatedAt: doc.updated_at,
});

/**
 * A live folder of the link's subtree (the shared folder itself when `folderId` is absent), with its path from the
 * shared folder down. Anything else — another space, above the shared folder, in the trash — is 404: a token reaches
 * nothing outside its target.
 */
export async function folderWithinShare(
  ctx: RequestContext,
  share: OpenShare,
  folderId?: string,
): Promise<{ folder: FolderRow; breadcrumb: { id: string; name: string }[] }> {
  const rootId = share.link.folder_id;
  if (!rootId) throw errors.notFound();
  const folder = await unsafeGetFolderById(ctx.db, folderId ?? rootId);
  if (!folder || folder.trashed_at || folder.space_id !== share.link.space_id) throw errors.notFound();
  const ancestry = await unsafeFolderAncestry(ctx.db, folder.id);
  const start = ancestry.findIndex((item) => item.id === rootId);
  if (start < 0) throw errors.notFound();
  return { folder, breadcrumb: ancestry.slice(start).map(({ id, name }) => ({ id, name })) };
}

/** A live document of the link's target: the shared file itself, or a file anywhere inside the shared folder. */
export async function documentWithinShare(ctx: RequestContext, share: OpenShare, documentId: string) {
  const doc = await unsafeGetDocumentById(ctx.db, documentId);
  if (!doc || doc.trashed_at || doc.space_id !== share.link.space_id) throw errors.notFound();
  if (share.link.document_id) {
    if (doc.id !== share.link.document_id) throw errors.notFound();
    return { doc, path: doc.name };
  }
  if (!doc.folder_id) throw errors.notFound();
  const { breadcrumb } = await folderWithinShare(ctx, share, doc.folder_id);
  const path = [...breadcrumb.slice(1).map((folder) => folder.name), doc.name].join('/');
  return { doc, path };
}

async function listing(ctx: RequestContext, share: OpenShare, folderId?: string): Promise<Listing> {
  const { folder, breadcrumb } = await folderWithinShare(ctx, share, folderId);
  const where = { spaceId: folder.space_id, trashed: false };
  const [folders, documents] = await Promise.all([
    unsafeListChildFolders(ctx.db, { ...where, parentId: folder.id }),
    unsafeListFolderDocuments(ctx.db, { ...where, folderId: folder.id }),
  ]);
  return {
    folder: { id: folder.id, name: folder.name },
    breadcrumb,
    folders: folders.map(({ id, name }) => ({ id, name })),
    documents: documents.map(sharedFile),
  };
}

/** GET /share/:token: what the visitor must still do, and once done, the file or the folder's content. */
export async function viewShare(request: TokenRequest): Promise<View> {
  const share = await openShare(request);
  const ctx = share.visitor;
  const view: View = {
    kind: share.link.document_id ? 'document' : 'folder',
    locked: share.locked,
    needsPassword: share.needsPassword,
    needsEmail: share.needsEmail,
    verifiedEmail: share.grant?.email ?? null,
    expiresAt: share.link.expires_at,
    downloadsLeft: downloadsLeft(share.link),
    document: null,
    listing: null,
  };
  if (!can(ctx.actor, 'link.download', share.resource)) return view;
  if (share.link.document_id) {
    const { doc } = await documentWithinShare(ctx, share, share.link.document_id);
    return { ...view, document: sharedFile(doc) };
  }
  return { ...view, listing: await listing(ctx, share) };
}

export async function viewShareFolder(request: TokenRequest & { params: { id: string } }): Promise<Listing> {
  const share = await openShare(request);
  ensureUnlocked(share);
  return listing(share.visitor, share, request.params.id);
}
