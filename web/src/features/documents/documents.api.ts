import { type RouteName, type RouteResponse, routes } from '@gatehouse/contracts';
import { keepPreviousData } from '@tanstack/react-query';
import { buildUrl } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/hooks';
import { queryClient } from '../../lib/query';

export type Listing = RouteResponse<'listFiles'>;
export type FolderItem = Listing['folders'][number];
export type DocumentItem = Listing['documents'][number];

/** Whatever changes a file or folder can change any of these answers. */
export const documentQueries: RouteName[] = ['listFiles', 'getDocument', 'listVersions', 'documentAccessLog'];

/** After a change made with `api()` directly (several calls in a row, or outside React). */
export const refreshDocuments = () =>
  Promise.all(documentQueries.map((route) => queryClient.invalidateQueries({ queryKey: [route] })));

/** A plain link: the browser downloads (and resumes with Range) on its own. */
export const contentUrl = (id: string, options: { version?: number; inline?: boolean } = {}) =>
  buildUrl(
    routes.downloadDocument.path,
    { id },
    { version: options.version, inline: options.inline ? '1' : undefined },
  );

export const folderZipUrl = (id: string) => buildUrl(routes.downloadFolder.path, { id });

export function useListing(input: { spaceId: string; folderId: string | null; trashed: boolean }) {
  return useApiQuery(
    'listFiles',
    {
      params: { id: input.spaceId },
      query: { folderId: input.folderId ?? undefined, trashed: input.trashed ? 'true' : 'false' },
    },
    // The previous folder stays on screen while the next one loads, instead of a flash of spinner.
    { placeholderData: keepPreviousData },
  );
}

/** A mutation of the documents API that refreshes every listing, document, version list and access log. */
export const useDocumentsMutation = <N extends RouteName>(name: N) =>
  useApiMutation(name, { invalidates: documentQueries });
