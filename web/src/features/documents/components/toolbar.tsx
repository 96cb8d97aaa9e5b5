import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ChangeEvent, useRef } from 'react';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { Icon } from '../../../ui/icons';
import type { Listing } from '../documents.api';
import { planFromFileList, type UploadPlan } from '../uploads/upload-plan';

type ToolbarProps = {
  listing: Listing | undefined;
  trashed: boolean;
  onToggleTrash: () => void;
  onNewFolder: () => void;
  onSettings: () => void;
  onUpload: (plan: UploadPlan) => void;
};

// React does not know the attribute; the browser needs it present (any value) to pick a whole folder.
const directoryPicker = { webkitdirectory: '' } as object;

/** New folder, Upload files, Upload folder, Trash and Settings; one "New" menu on phones. Each shown if allowed. */
export function DocumentsToolbar({ listing, trashed, onToggleTrash, onNewFolder, onSettings, onUpload }: ToolbarProps) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const abilities = listing?.abilities;
  const canCreate = !trashed && can(abilities, 'folder.create');
  const canUpload = !trashed && can(abilities, 'document.upload');
  const canSettings = can(abilities, 'document.manage_settings');
  // Only those who can restore have a use for the trash (a viewer would only see what they cannot bring back).
  const showTrash = trashed || can(abilities, 'folder.delete') || can(abilities, 'document.upload');

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.currentTarget.files;
    if (files && files.length > 0) onUpload(planFromFileList(files));
    // Choosing the same files again must fire another change.
    event.currentTarget.value = '';
  };

  const inputs = canUpload && (
    <>
      <input ref={filesInput} type="file" multiple hidden onChange={picked} data-testid="upload-files-input" />
      <input
        ref={folderInput}
        type="file"
        hidden
        onChange={picked}
        data-testid="upload-folder-input"
        {...directoryPicker}
      />
    </>
  );
  const trashLabel = trashed ? t('documents.backToFiles') : t('documents.trash');

  if (phone) {
    return (
      <Group gap="xs" justify="space-between">
        {(canCreate || canUpload) && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button leftSection={<Icon name="plus" size={16} />}>{t('documents.new')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {canCreate && (
                <Menu.Item leftSection={<Icon name="folderPlus" size={16} />} onClick={onNewFolder}>
                  {t('documents.newFolder')}
                </Menu.Item>
              )}
              {canUpload && (
                <Menu.Item leftSection={<Icon name="upload" size={16} />} onClick={() => filesInput.current?.click()}>
                  {t('documents.uploadFiles')}
                </Menu.Item>
              )}
              {canUpload && (
                <Menu.Item
                  leftSection={<Icon name="folderUp" size={16} />}
                  onClick={() => folderInput.current?.click()}
                >
                  {t('documents.uploadFolder')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
        <Group gap="xs" ml="auto">
          {showTrash && (
            <ActionIcon
              variant={trashed ? 'filled' : 'default'}
              size="lg"
              aria-label={trashLabel}
              onClick={onToggleTrash}
            >
              <Icon name={trashed ? 'arrowLeft' : 'trash'} size={18} />
            </ActionIcon>
          )}
          {canSettings && (
            <ActionIcon variant="default" size="lg" aria-label={t('documents.settings')} onClick={onSettings}>
              <Icon name="settings" size={18} />
            </ActionIcon>
          )}
        </Group>
        {inputs}
      </Group>
    );
  }

  return (
    <Group gap="xs" justify="space-between">
      <Group gap="xs">
        {canCreate && (
          <Button variant="default" leftSection={<Icon name="folderPlus" size={16} />} onClick={onNewFolder}>
            {t('documents.newFolder')}
          </Button>
        )}
        {canUpload && (
          <Button leftSection={<Icon name="upload" size={16} />} onClick={() => filesInput.current?.click()}>
            {t('documents.uploadFiles')}
          </Button>
        )}
        {canUpload && (
          <Button
            variant="light"
            leftSection={<Icon name="folderUp" size={16} />}
            onClick={() => folderInput.current?.click()}
          >
            {t('documents.uploadFolder')}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        {showTrash && (
          <Button
            variant={trashed ? 'filled' : 'subtle'}
            color={trashed ? 'indigo' : 'gray'}
            leftSection={<Icon name={trashed ? 'arrowLeft' : 'trash'} size={16} />}
            onClick={onToggleTrash}
          >
            {trashLabel}
          </Button>
        )}
        {canSettings && (
          <Button variant="subtle" color="gray" leftSection={<Icon name="settings" size={16} />} onClick={onSettings}>
            {t('documents.settings')}
          </Button>
        )}
      </Group>
      {inputs}
    </Group>
  );
}
