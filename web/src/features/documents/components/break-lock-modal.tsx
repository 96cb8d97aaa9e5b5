import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { type DocumentItem, useDocumentsMutation } from '../documents.api';

/** Managers free a document someone checked out and forgot; that person's unsaved work is theirs to merge. */
export function BreakLockModal({ document, onClose }: { document: DocumentItem; onClose: () => void }) {
  const t = useT();
  const unlock = useDocumentsMutation('unlockDocument');
  const holder = document.lock?.by?.name ?? t('documents.someone');
  const confirm = () =>
    unlock.mutate(
      { params: { id: document.id } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('documents.lockBroken') });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('documents.breakLockTitle', { name: document.name })} centered>
      <Stack>
        <Text fz="sm">{t('documents.breakLockText', { name: holder })}</Text>
        <ErrorAlert error={unlock.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={unlock.isPending} onClick={confirm}>
            {t('documents.breakLock')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
