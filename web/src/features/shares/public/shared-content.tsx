import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { type Column, DataTable } from '../../../ui/data-table';
import { EmptyState } from '../../../ui/empty-state';
import { Icon } from '../../../ui/icons';
import { type SharedListing, type ShareView, sharedDocumentUrl, sharedFileUrl, sharedZipUrl } from '../shares.api';

type SharedFile = SharedListing['documents'][number];
type Entry = { type: 'folder'; id: string; name: string } | ({ type: 'document' } & SharedFile);

/** One shared file: what it is, and a Download button. */
export function SharedFileCard({ token, file }: { token: string; file: NonNullable<ShareView['document']> }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Stack align="flex-start">
      <Group gap="sm" wrap="nowrap">
        <Icon name="file" size={36} />
        <div style={{ minWidth: 0 }}>
          <Title order={1} fz={22} style={{ overflowWrap: 'anywhere' }}>
            {file.name}
          </Title>
          <Text fz="sm" c="dimmed">
            {formatBytes(file.size, locale)} · {formatDateTime(file.updatedAt, locale)}
          </Text>
        </div>
      </Group>
      <Button
        component="a"
        href={sharedFileUrl(token)}
        download
        size="md"
        leftSection={<Icon name="download" size={18} />}
      >
        {t('shareLink.download')}
      </Button>
    </Stack>
  );
}

/** A shared folder: its breadcrumb (never above the shared folder), sub-folders, files, and the whole as a zip. */
export function SharedFolder({
  token,
  listing,
  onOpen,
}: {
  token: string;
  listing: SharedListing;
  onOpen: (folderId: string | null) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const rows: Entry[] = [
    ...listing.folders.map((folder) => ({ type: 'folder' as const, ...folder })),
    ...listing.documents.map((doc) => ({ type: 'document' as const, ...doc })),
  ];
  const columns: Column<Entry>[] = [
    {
      key: 'name',
      header: t('shareLink.name'),
      primary: true,
      render: (row) =>
        row.type === 'folder' ? (
          <UnstyledButton onClick={() => onOpen(row.id)} fw={500}>
            <Group gap={6} wrap="nowrap">
              <Icon name="folder" size={18} />
              <span style={{ overflowWrap: 'anywhere' }}>{row.name}</span>
            </Group>
          </UnstyledButton>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Icon name="file" size={18} />
            <span style={{ overflowWrap: 'anywhere' }}>{row.name}</span>
          </Group>
        ),
    },
    {
      key: 'size',
      header: t('shareLink.size'),
      nowrap: true,
      render: (row) => (row.type === 'document' ? formatBytes(row.size, locale) : '—'),
    },
    {
      key: 'modified',
      header: t('shareLink.modified'),
      hideOnMobile: true,
      render: (row) => (row.type === 'document' ? formatDateTime(row.updatedAt, locale) : ''),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (row) =>
        row.type === 'document' ? (
          <Button
            component="a"
            href={sharedDocumentUrl(token, row.id)}
            download
            size="xs"
            variant="light"
            leftSection={<Icon name="download" size={14} />}
            aria-label={t('shareLink.downloadNamed', { name: row.name })}
          >
            {t('shareLink.download')}
          </Button>
        ) : null,
    },
  ];
  const root = listing.breadcrumb[0]?.id;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
          {listing.breadcrumb.map((folder, index) =>
            index === listing.breadcrumb.length - 1 ? (
              <Text key={folder.id} fw={600}>
                {folder.name}
              </Text>
            ) : (
              <Anchor
                key={folder.id}
                component="button"
                type="button"
                onClick={() => onOpen(folder.id === root ? null : folder.id)}
              >
                {folder.name}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
        <Button
          component="a"
          href={sharedZipUrl(token, listing.folder.id === root ? undefined : listing.folder.id)}
          download
          leftSection={<Icon name="fileZip" size={16} />}
        >
          {t('shareLink.downloadAll')}
        </Button>
      </Group>
      <DataTable
        label={listing.folder.name}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.type}:${row.id}`}
        empty={<EmptyState icon="folder" title={t('shareLink.empty')} />}
      />
    </Stack>
  );
}
