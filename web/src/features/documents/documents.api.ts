import { type RouteName, type RouteResponse, routes } from '@gatehouse/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../lib/api';
import { routeKey, useApiMutation } from '../../lib/hooks';
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

/** A version's thumbnail: the address changes with the version, so the browser may keep each one a while. */
export const thumbnailUrl = (id: string, version: number) =>
  buildUrl(routes.documentThumbnail.path, { id }, { version });

export const folderZipUrl = (id: string) => buildUrl(routes.downloadFolder.path, { id });

/**
 * A folder's listing, a page at a time (sub-folders first, then documents): the first page shows at once, and
 * `loadMore` appends the next one, so a folder of 10,000 files opens as fast as a folder of ten. `data` is the first
 * page's facts with the items of every page loaded so far.
 */
export function useListing(input: { spaceId: string; folderId: string | null; trashed: boolean }) {
  const base = {
    params: { id: input.spaceId },
    query: { folderId: input.folderId ?? undefined, trashed: input.trashed ? ('true' as const) : ('false' as const) },
  };
  const query = useInfiniteQuery({
    queryKey: [...routeKey('listFiles', base), 'pages'],
    queryFn: ({ pageParam }) => api('listFiles', { ...base, query: { ...base.query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Listing) => page.nextCursor ?? undefined,
    // The previous folder stays on screen while the next one loads, instead of a flash of spinner.
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const data: Listing | undefined = first && {
    ...first,
    folders: pages.flatMap((page) => page.folders),
    documents: pages.flatMap((page) => page.documents),
  };
  return {
    data,
    error: query.error,
    isPending: query.isPending,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
}

/** Every sub-folder of a folder, following the pages (they come before the documents, so this stops early). */
export async function listAllSubfolders(spaceId: string, folderId: string | null): Promise<FolderItem[]> {
  const folders: FolderItem[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api('listFiles', {
      params: { id: spaceId },
      query: { folderId: folderId ?? undefined, limit: 1000, cursor },
    });
    folders.push(...page.folders);
    if (!page.nextCursor || page.documents.length > 0) return folders;
    cursor = page.nextCursor;
  }
}

/** A mutation of the documents API that refreshes every listing, document, version list and access log. */
export const useDocumentsMutation = <N extends RouteName>(name: N) =>
  useApiMutation(name, { invalidates: documentQueries });
