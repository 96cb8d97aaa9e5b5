import { type RouteName, type RouteResponse, routes } from '@gatehouse/contracts';
import { useSyncExternalStore } from 'react';
import { buildUrl } from '../../lib/api';
import { useApiMutation } from '../../lib/hooks';

export type ShareLink = RouteResponse<'listDocumentShareLinks'>['links'][number];
export type ShareView = RouteResponse<'getShare'>;
export type SharedListing = RouteResponse<'getShareFolder'>;
export type ShareTarget = { type: 'document' | 'folder'; id: string; name: string };

/** Every answer a change of a link can alter. */
export const shareQueries: RouteName[] = [
  'listDocumentShareLinks',
  'listFolderShareLinks',
  'listSpaceShareLinks',
  'shareLinkAccessLog',
];
export const useSharesMutation = <N extends RouteName>(name: N) => useApiMutation(name, { invalidates: shareQueries });

/** Plain links: the browser downloads on its own (the visitor's proof travels in a cookie scoped to the link). */
export const sharedFileUrl = (token: string) => buildUrl(routes.downloadShare.path, { token });
export const sharedDocumentUrl = (token: string, id: string) =>
  buildUrl(routes.downloadShareDocument.path, { token, id });
export const sharedZipUrl = (token: string, folderId?: string) =>
  buildUrl(routes.downloadShareZip.path, { token }, { folderId });

/** The one share dialog of the page; any row menu opens it for its file or folder. */
let current: ShareTarget | null = null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};
export function openShareDialog(target: ShareTarget) {
  current = target;
  emit();
}
export function closeShareDialog() {
  current = null;
  emit();
}
export const useShareDialogTarget = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
