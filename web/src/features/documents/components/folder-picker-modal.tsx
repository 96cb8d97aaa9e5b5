import { Anchor, Breadcrumbs, Button, Group, Loader, Modal, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { FormError } from '../../../ui/form-error';
import { Icon } from '../../../ui/icons';
import { refreshDocuments, useListing } from '../documents.api';
import type { Row } from '../documents.types';
import { LoadMore } from './load-more';

type Props = { mode: 'move' | 'copy'; spaceId: string; row: Row; startFolderId: string | null; onClose: () => void };

/** Browse the space's folders and choose where a file or folder goes (Move) or where its copy goes (Copy). */
export function FolderPickerModal({ mode, spaceId, row, startFolderId, onClose }: Props) {
  const t = useT();
  const [folderId, setFolderId] = useState<string | null>(startFolderId);
  const listing = useListing({ spaceId, folderId, trashed: false });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const currentParent = row.type === 'folder' ? row.item.parentId : row.item.folderId;
  // A folder cannot go inside itself: it is not offered as a destination, nor can one browse into it.
  const isSelf = (id: string | null) => row.type === 'folder' && id === row.item.id;
  const unchanged = mode === 'move' && folderId === currentParent;
  const data = listing.data;
  const insideSelf = row.type === 'folder' && (data?.breadcrumb ?? []).some((crumb) => crumb.id === row.item.id);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await place(mode, row, folderId);
      await refreshDocuments();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const crumbs = [{ id: null as string | null, name: t('documents.root') }, ...(data?.breadcrumb ?? [])];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(mode === 'move' ? 'documents.moveTitle' : 'documents.copyTitle', { name: row.item.name })}
      centered
      size="lg"
    >
      <Stack>
        <nav aria-label={t('documents.folderPath')}>
          <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
            {crumbs.map((crumb, index) =>
              index === crumbs.length - 1 ? (
                <Text key={crumb.id ?? 'root'} fz="sm" fw={600} aria-current="page">
                  {crumb.name}
                </Text>
              ) : (
                <Anchor
                  key={crumb.id ?? 'root'}
                  component="button"
                  type="button"
                  fz="sm"
                  onClick={() => setFolderId(crumb.id)}
                >
                  {crumb.name}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        </nav>
        <ErrorAlert error={listing.error} />
        <ScrollArea.Autosize mah={320} type="auto">
          {listing.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          {data && data.folders.length === 0 && (
            <Text fz="sm" c="dimmed" py="sm">
              {t('documents.noSubfolders')}
            </Text>
          )}
          {data?.folders.map((folder) => (
            <NavLink
              key={folder.id}
              label={folder.name}
              leftSection={<Icon name="folder" size={18} color="var(--mantine-color-yellow-7)" />}
              rightSection={<Icon name="chevronRight" size={14} />}
              disabled={isSelf(folder.id)}
              onClick={() => setFolderId(folder.id)}
            />
          ))}
          {/* Sub-folders come first in a listing: more of them only while no document has shown up yet. */}
          {data && data.documents.length === 0 && (
            <LoadMore
              shown={data.folders.length}
              total={data.counts.folders}
              hasMore={listing.hasMore}
              loading={listing.loadingMore}
              onMore={listing.loadMore}
            />
          )}
        </ScrollArea.Autosize>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={pending} disabled={unchanged || insideSelf || !data}>
            {mode === 'move' ? t('documents.moveHere') : t('documents.copyHere')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function place(mode: 'move' | 'copy', row: Row, folderId: string | null) {
  if (row.type === 'folder') return api('updateFolder', { params: { id: row.item.id }, body: { parentId: folderId } });
  if (mode === 'copy') return api('copyDocument', { params: { id: row.item.id }, body: { folderId } });
  return api('updateDocument', { params: { id: row.item.id }, body: { folderId } });
}
