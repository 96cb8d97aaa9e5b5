import type { Space } from '@gatehouse/contracts';
import { Group, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { can } from '../../lib/policy';
import { ErrorAlert } from '../../ui/error-alert';
import { SharingBar } from '../shares/sharing-bar';
import { AccessLogDrawer } from './components/access-log-drawer';
import { BreakLockModal } from './components/break-lock-modal';
import { DropZone } from './components/drop-zone';
import { FileTable } from './components/file-table';
import { FolderBreadcrumb } from './components/folder-breadcrumb';
import { FolderPickerModal } from './components/folder-picker-modal';
import { LoadMore } from './components/load-more';
import { NameModal } from './components/name-modal';
import { PreviewModal } from './components/preview-modal';
import { SettingsModal } from './components/settings-modal';
import { DocumentsToolbar } from './components/toolbar';
import { UploadPanel, UploadPanelSpacer } from './components/upload-panel';
import { UsageBar } from './components/usage-bar';
import { VersionsDrawer } from './components/versions-drawer';
import { type DocumentItem, useListing } from './documents.api';
import type { Dialog, Row } from './documents.types';
import type { UploadPlan } from './uploads/upload-plan';
import { uploadPlan } from './uploads/use-uploads';

/** Where the person is in the space's files, kept in the URL so that Back, reload and shared links work. */
export function useDocumentsLocation() {
  const [search, setSearch] = useSearchParams();
  const folderId = search.get('folder');
  const trashed = search.get('view') === 'trash';
  const searchFor = (next: { folderId: string | null; trashed?: boolean }) => {
    const params = new URLSearchParams(search);
    if (next.folderId) params.set('folder', next.folderId);
    else params.delete('folder');
    if (next.trashed ?? trashed) params.set('view', 'trash');
    else params.delete('view');
    return params;
  };
  const href = (folder: string | null) => `?${searchFor({ folderId: folder }).toString()}`;
  const go = (next: { folderId: string | null; trashed?: boolean }) => setSearch(searchFor(next));
  // A link to one document (from search results) opens its preview over its folder.
  const previewId = search.get('preview');
  const closePreview = () => {
    const params = new URLSearchParams(search);
    params.delete('preview');
    setSearch(params, { replace: true });
  };
  return { folderId, trashed, go, href, previewId, closePreview };
}

function LinkedPreview({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const query = useApiQuery('getDocument', { params: { id: documentId } });
  if (query.isError) return <ErrorAlert error={query.error} />;
  return query.data ? <PreviewModal document={query.data.document} onClose={onClose} /> : null;
}

/** The files of a space: browse, upload (drop files or whole folders), preview, version, lock, trash. */
export function DocumentsTab({ space }: { space: Space }) {
  const t = useT();
  const { folderId, trashed, go, href, previewId, closePreview } = useDocumentsLocation();
  const listing = useListing({ spaceId: space.id, folderId, trashed });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const data = listing.data;
  const canUpload = !trashed && can(data?.abilities, 'document.upload');
  const upload = (plan: UploadPlan) => uploadPlan({ spaceId: space.id, folderId, plan });
  const rows: Row[] = data
    ? [
        ...data.folders.map((item) => ({ type: 'folder' as const, item })),
        ...data.documents.map((item) => ({ type: 'document' as const, item })),
      ]
    : [];
  // Dialogs show the freshest copy of their document once the listing refetches after a change.
  const fresh = (document: DocumentItem) => data?.documents.find((item) => item.id === document.id) ?? document;

  return (
    <Stack gap="md">
      <DocumentsToolbar
        listing={data}
        trashed={trashed}
        onToggleTrash={() => go({ folderId: null, trashed: !trashed })}
        onNewFolder={() => setDialog({ kind: 'newFolder' })}
        onSettings={() => setDialog({ kind: 'settings' })}
        onUpload={upload}
      />
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <FolderBreadcrumb breadcrumb={data?.breadcrumb ?? []} trashed={trashed} href={href} />
        {data && <UsageBar usage={data.usage} />}
      </Group>
      {!trashed && <SharingBar spaceId={space.id} listing={data} />}
      <ErrorAlert error={listing.error} />
      {listing.isPending && <Loader aria-label={t('common.loading')} />}
      {data && (
        <DropZone enabled={canUpload} target={data.folder?.name ?? t('documents.root')} onDrop={upload}>
          <FileTable rows={rows} listing={data} trashed={trashed} folderHref={href} onDialog={setDialog} />
        </DropZone>
      )}
      {data && (
        <LoadMore
          shown={rows.length}
          total={data.counts.folders + data.counts.documents}
          hasMore={listing.hasMore}
          loading={listing.loadingMore}
          onMore={listing.loadMore}
        />
      )}
      <UploadPanel />
      <UploadPanelSpacer />

      {dialog?.kind === 'newFolder' && (
        <NameModal mode="newFolder" spaceId={space.id} parentId={folderId} onClose={close} />
      )}
      {dialog?.kind === 'rename' && <NameModal mode="rename" spaceId={space.id} row={dialog.row} onClose={close} />}
      {(dialog?.kind === 'move' || dialog?.kind === 'copy') && (
        <FolderPickerModal
          mode={dialog.kind}
          spaceId={space.id}
          row={dialog.row}
          startFolderId={folderId}
          onClose={close}
        />
      )}
      {previewId && !trashed && <LinkedPreview documentId={previewId} onClose={closePreview} />}
      {dialog?.kind === 'preview' && <PreviewModal document={fresh(dialog.document)} onClose={close} />}
      {dialog?.kind === 'versions' && <VersionsDrawer document={fresh(dialog.document)} onClose={close} />}
      {dialog?.kind === 'accessLog' && <AccessLogDrawer document={dialog.document} onClose={close} />}
      {dialog?.kind === 'breakLock' && <BreakLockModal document={fresh(dialog.document)} onClose={close} />}
      {dialog?.kind === 'settings' && <SettingsModal spaceId={space.id} onClose={close} />}
    </Stack>
  );
}
