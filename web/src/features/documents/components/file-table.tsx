import { Anchor, Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { type Column, DataTable } from '../../../ui/data-table';
import { EmptyState } from '../../../ui/empty-state';
import { Icon } from '../../../ui/icons';
import type { Listing } from '../documents.api';
import classes from '../documents.module.css';
import type { OpenDialog, Row } from '../documents.types';
import { FileThumbnail, KindIcon } from './file-thumbnail';
import { RestoreButton, RowActions } from './row-actions';

type Props = {
  rows: Row[];
  listing: Listing;
  trashed: boolean;
  folderHref: (folderId: string) => string;
  onDialog: OpenDialog;
};

export const rowName = (row: Row) => row.item.name;

/** Folders then files: icon, name, size, version, last change, lock, and what the person may do with each. */
export function FileTable({ rows, listing, trashed, folderHref, onDialog }: Props) {
  const t = useT();
  const { locale } = useLocale();

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('documents.name'),
      primary: true,
      render: (row) => <NameCell row={row} folderHref={folderHref} onDialog={onDialog} />,
    },
    {
      key: 'size',
      header: t('documents.size'),
      nowrap: true,
      render: (row) => (row.type === 'document' ? formatBytes(row.item.size, locale) : '—'),
    },
    {
      key: 'version',
      header: t('documents.version'),
      nowrap: true,
      hideOnMobile: true,
      render: (row) => (row.type === 'document' ? t('documents.versionShort', { number: row.item.version }) : '—'),
    },
    trashed
      ? {
          key: 'trashed',
          header: t('documents.trashedAt'),
          render: (row) => formatDateTime(row.item.trashedAt, locale),
        }
      : {
          key: 'modified',
          header: t('documents.modified'),
          render: (row) => {
            const by = row.type === 'document' ? row.item.updatedBy?.name : row.item.createdBy?.name;
            return (
              <div>
                <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(row.item.updatedAt, locale)}
                </Text>
                {by && (
                  <Text fz="xs" c="dimmed">
                    {t('documents.byPerson', { name: by })}
                  </Text>
                )}
              </div>
            );
          },
        },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (row) =>
        trashed ? <RestoreButton row={row} /> : <RowActions row={row} listing={listing} onDialog={onDialog} />,
    },
  ];

  const canUpload = can(listing.abilities, 'document.upload');
  return (
    <DataTable
      label={trashed ? t('documents.trashTitle') : t('documents.listLabel')}
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.type}:${row.item.id}`}
      rowTestId={(row) => `file-row-${row.item.name}`}
      empty={
        trashed ? (
          <EmptyState icon="trash" title={t('documents.trashEmptyTitle')} text={t('documents.trashEmptyText')} />
        ) : (
          <EmptyState
            icon="cloudUpload"
            title={t('documents.emptyTitle')}
            text={canUpload ? t('documents.emptyText') : t('documents.emptyReadOnly')}
          />
        )
      }
    />
  );
}

type NameCellProps = { row: Row; folderHref: (id: string) => string; onDialog: OpenDialog };

function NameCell({ row, folderHref, onDialog }: NameCellProps) {
  const t = useT();
  const { locale } = useLocale();

  if (row.type === 'folder') {
    return (
      <Group gap="sm" wrap="nowrap">
        <span className={classes.fileIcon}>
          <KindIcon kind="folder" />
        </span>
        <Anchor component={Link} to={folderHref(row.item.id)} className={classes.name}>
          {row.item.name}
        </Anchor>
      </Group>
    );
  }
  const { lock } = row.item;
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <span className={classes.fileIcon}>
        <FileThumbnail document={row.item} />
      </span>
      <div style={{ minWidth: 0 }}>
        <UnstyledButton className={classes.name} onClick={() => onDialog({ kind: 'preview', document: row.item })}>
          {row.item.name}
        </UnstyledButton>
        {lock && (
          <Tooltip label={t('documents.lockedUntil', { date: formatDateTime(lock.expiresAt, locale) })}>
            <Badge
              color={lock.mine ? 'indigo' : 'orange'}
              variant="light"
              radius="sm"
              size="sm"
              tt="none"
              ml={6}
              leftSection={<Icon name="lock" size={12} />}
              style={{ verticalAlign: 'middle' }}
            >
              {lock.mine
                ? t('documents.checkedOutByYou')
                : t('documents.checkedOutBy', { name: lock.by?.name ?? t('documents.someone') })}
            </Badge>
          </Tooltip>
        )}
      </div>
    </Group>
  );
}
