import { ActionIcon, Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { api } from '../../../lib/api';
import { type Translate, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { errorMessage } from '../../../ui/error-alert';
import { Icon, type IconName } from '../../../ui/icons';
import { shareMenuItems } from '../../shares/share-menu-item';
import { contentUrl, folderZipUrl, type Listing, refreshDocuments } from '../documents.api';
import type { OpenDialog, Row } from '../documents.types';

/** Runs one change from a row; the outcome is announced in a notification (rows have no room for an alert). */
async function perform(t: Translate, action: () => Promise<unknown>, done?: ReactNode) {
  try {
    await action();
    await refreshDocuments();
    if (done) notifications.show({ color: 'teal', message: done });
  } catch (error) {
    notifications.show({ color: 'red', title: t('documents.actionFailed'), message: errorMessage(t, error) });
  }
}

const trashRow = (row: Row) =>
  row.type === 'folder'
    ? api('trashFolder', { params: { id: row.item.id } })
    : api('trashDocument', { params: { id: row.item.id } });
const restoreRow = (row: Row) =>
  row.type === 'folder'
    ? api('restoreFolder', { params: { id: row.item.id } })
    : api('restoreDocument', { params: { id: row.item.id } });

function TrashedNotice({ row }: { row: Row }) {
  const t = useT();
  const [undone, setUndone] = useState(false);
  return (
    <Group gap="sm" justify="space-between" wrap="nowrap">
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {undone ? t('documents.restored', { name: row.item.name }) : t('documents.trashed', { name: row.item.name })}
      </Text>
      {!undone && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => perform(t, () => restoreRow(row)).then(() => setUndone(true))}
        >
          {t('documents.undo')}
        </Button>
      )}
    </Group>
  );
}

type Item = { key: string; label: string; icon: IconName; color?: string; onClick?: () => void; href?: string };

/** Every action on a file or folder the person may take, in one menu per row. */
export function RowActions({ row, listing, onDialog }: { row: Row; listing: Listing; onDialog: OpenDialog }) {
  const t = useT();
  const base = row.type === 'folder' ? folderItems(t, row, onDialog) : documentItems(t, row, listing, onDialog);
  const items: Item[] = [...base.slice(0, 1), ...shareMenuItems(t, row), ...base.slice(1)];
  const download = items.find((item) => item.key === 'download');
  return (
    <Group gap={4} wrap="nowrap">
      {download?.href && (
        <ActionIcon
          component="a"
          href={download.href}
          download
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('documents.downloadNamed', { name: row.item.name })}
        >
          <Icon name="download" size={18} />
        </ActionIcon>
      )}
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('documents.actionsFor', { name: row.item.name })}
          >
            <Icon name="dots" size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map((item) =>
            item.href ? (
              <Menu.Item
                key={item.key}
                component="a"
                href={item.href}
                download
                leftSection={<Icon name={item.icon} size={16} />}
              >
                {item.label}
              </Menu.Item>
            ) : (
              <Menu.Item
                key={item.key}
                color={item.color}
                leftSection={<Icon name={item.icon} size={16} />}
                onClick={item.onClick}
              >
                {item.label}
              </Menu.Item>
            ),
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function folderItems(t: Translate, row: Extract<Row, { type: 'folder' }>, onDialog: OpenDialog): Item[] {
  const { abilities } = row.item;
  const items: Item[] = [
    { key: 'download', label: t('documents.downloadZip'), icon: 'download', href: folderZipUrl(row.item.id) },
  ];
  if (can(abilities, 'folder.update')) {
    items.push(
      { key: 'rename', label: t('documents.rename'), icon: 'pencil', onClick: () => onDialog({ kind: 'rename', row }) },
      { key: 'move', label: t('documents.move'), icon: 'move', onClick: () => onDialog({ kind: 'move', row }) },
    );
  }
  if (can(abilities, 'folder.delete')) items.push(trashItem(t, row));
  return items;
}

function documentItems(
  t: Translate,
  row: Extract<Row, { type: 'document' }>,
  listing: Listing,
  onDialog: OpenDialog,
): Item[] {
  const document = row.item;
  const { abilities, lock } = document;
  const id = { params: { id: document.id } };
  const items: Item[] = [
    { key: 'download', label: t('documents.download'), icon: 'download', href: contentUrl(document.id) },
    {
      key: 'preview',
      label: t('documents.preview'),
      icon: 'eye',
      onClick: () => onDialog({ kind: 'preview', document }),
    },
  ];
  if (can(abilities, 'document.update')) {
    items.push(
      { key: 'rename', label: t('documents.rename'), icon: 'pencil', onClick: () => onDialog({ kind: 'rename', row }) },
      { key: 'move', label: t('documents.move'), icon: 'move', onClick: () => onDialog({ kind: 'move', row }) },
    );
  }
  if (can(listing.abilities, 'document.upload')) {
    items.push({
      key: 'copy',
      label: t('documents.copy'),
      icon: 'copy',
      onClick: () => onDialog({ kind: 'copy', row }),
    });
  }
  items.push({
    key: 'versions',
    label: t('documents.versions'),
    icon: 'history',
    onClick: () => onDialog({ kind: 'versions', document }),
  });
  if (!lock && can(abilities, 'document.lock')) {
    items.push({
      key: 'lock',
      label: t('documents.checkOut'),
      icon: 'lock',
      onClick: () => perform(t, () => api('lockDocument', { ...id, body: {} }), t('documents.checkedOut')),
    });
  }
  if (lock?.mine) {
    items.push({
      key: 'unlock',
      label: t('documents.checkIn'),
      icon: 'lockOpen',
      onClick: () => perform(t, () => api('unlockDocument', id), t('documents.checkedIn')),
    });
  } else if (lock && can(abilities, 'document.break_lock')) {
    items.push({
      key: 'break',
      label: t('documents.breakLock'),
      icon: 'lockOpen',
      color: 'orange',
      onClick: () => onDialog({ kind: 'breakLock', document }),
    });
  }
  if (can(abilities, 'document.read_access_log')) {
    items.push({
      key: 'log',
      label: t('documents.accessLog'),
      icon: 'audit',
      onClick: () => onDialog({ kind: 'accessLog', document }),
    });
  }
  if (can(abilities, 'document.delete')) items.push(trashItem(t, row));
  return items;
}

function trashItem(t: Translate, row: Row): Item {
  return {
    key: 'trash',
    label: t('documents.moveToTrash'),
    icon: 'trash',
    color: 'red',
    onClick: () => perform(t, () => trashRow(row), <TrashedNotice row={row} />),
  };
}

/** In the trash view: put the file or folder back where it was. */
export function RestoreButton({ row }: { row: Row }) {
  const t = useT();
  const [pending, setPending] = useState(false);
  if (!can(row.item.abilities, row.type === 'folder' ? 'folder.delete' : 'document.delete')) return null;
  const restore = async () => {
    setPending(true);
    await perform(t, () => restoreRow(row), t('documents.restored', { name: row.item.name }));
    setPending(false);
  };
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<Icon name="restore" size={14} />}
      loading={pending}
      onClick={restore}
      aria-label={t('documents.restoreNamed', { name: row.item.name })}
    >
      {t('documents.restore')}
    </Button>
  );
}
