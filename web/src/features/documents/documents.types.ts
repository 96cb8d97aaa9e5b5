import type { DocumentItem, FolderItem } from './documents.api';

/** A row of the listing: folders first, then documents. */
export type Row = { type: 'folder'; item: FolderItem } | { type: 'document'; item: DocumentItem };

/** The one dialog or drawer open over the listing, if any. */
export type Dialog =
  | { kind: 'newFolder' }
  | { kind: 'settings' }
  | { kind: 'rename' | 'move' | 'copy'; row: Row }
  | { kind: 'preview' | 'versions' | 'accessLog' | 'breakLock'; document: DocumentItem };

export type OpenDialog = (dialog: Dialog) => void;
