import type { SearchResult } from '@gatehouse/contracts';
import type { SearchKindEntry } from '../feature';
import { fileKind, fileKindStyle } from './file-kinds';

/** A document hit opens its space's files at its folder, with its preview over them. */
export function documentHref(result: SearchResult): string | null {
  const spaceId = result.document?.spaceId ?? result.space?.id;
  if (!spaceId) return null;
  const params = new URLSearchParams();
  const folderId = result.document?.folderId ?? result.folderId;
  if (folderId) params.set('folder', folderId);
  params.set('preview', result.document?.id ?? result.id);
  return `/spaces/${spaceId}?${params.toString()}`;
}

/** A folder hit opens that folder in its space's files. */
export const folderHref = (result: SearchResult): string | null =>
  result.space ? `/spaces/${result.space.id}?${new URLSearchParams({ folder: result.id }).toString()}` : null;

export const documentsSearchKinds: SearchKindEntry[] = [
  {
    kind: 'document',
    labelKey: 'documents.searchKind',
    order: 10,
    look: (result) => fileKindStyle[fileKind(result.document?.mimeType ?? '')],
    href: documentHref,
  },
  {
    kind: 'folder',
    labelKey: 'documents.searchKindFolder',
    order: 20,
    look: () => fileKindStyle.folder,
    href: folderHref,
  },
];
