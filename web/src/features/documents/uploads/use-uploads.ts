import { routes } from '@gatehouse/contracts';
import { useSyncExternalStore } from 'react';
import { buildUrl } from '../../../lib/api';
import { queryClient } from '../../../lib/query';
import { createFolderResolver } from './folder-resolver';
import { displayPath, type UploadPlan } from './upload-plan';
import { createUploadQueue } from './upload-queue';

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const invalidate = () => {
  for (const route of ['listFiles', 'getDocument', 'listVersions'])
    void queryClient.invalidateQueries({ queryKey: [route] });
};
/** Files land in bursts: the listing is refreshed once things settle, and at once when the last file is in. */
function refreshListings() {
  clearTimeout(refreshTimer);
  const busy = uploadQueue.getSnapshot().some((item) => item.status === 'queued' || item.status === 'uploading');
  if (busy) refreshTimer = setTimeout(invalidate, 500);
  else invalidate();
}

/** One queue for the whole app, so uploads keep going (and stay visible) while the person browses folders. */
export const uploadQueue = createUploadQueue({ concurrency: 3, onSettled: refreshListings });

export const useUploads = () => useSyncExternalStore(uploadQueue.subscribe, uploadQueue.getSnapshot);

/** Queues the files of a drop or a picker into `folderId`, recreating their folder structure there. */
export function uploadPlan(input: { spaceId: string; folderId: string | null; plan: UploadPlan }) {
  const { spaceId, folderId, plan } = input;
  const folderOf = createFolderResolver({ spaceId, rootId: folderId });
  const url = buildUrl(routes.uploadDocument.path, { id: spaceId });
  const withFiles = new Set(plan.files.map((item) => item.dirs.join('/')));
  const empty = plan.dirs.filter((dirs) => !withFiles.has(dirs.join('/')));
  if (empty.length > 0) {
    // Empty folders have no file to wait for them: create them now (a failure shows on nothing, so it is ignored).
    void Promise.allSettled(empty.map((dirs) => folderOf(dirs))).then(refreshListings);
  }
  return uploadQueue.add(
    plan.files.map((item) => ({ path: displayPath(item), file: item.file, url, folderId: () => folderOf(item.dirs) })),
  );
}

/** Queues a new version of a document; the comment goes with it. */
export function uploadNewVersion(input: { documentId: string; file: File; comment: string }) {
  const url = buildUrl(routes.uploadVersion.path, { id: input.documentId });
  const fields = input.comment.trim() ? { comment: input.comment.trim() } : undefined;
  const [id] = uploadQueue.add([{ path: input.file.name, file: input.file, url, fields }]);
  return id;
}
