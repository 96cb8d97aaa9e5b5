import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useT } from '../lib/i18n';
import { ErrorAlert } from './error-alert';

type ConfirmButtonProps = Omit<ButtonProps, 'children'> & {
  children: ReactNode;
  /** Accessible name when the visible content is not enough (e.g. "Remove Alice" for a "Remove" button in a list). */
  'aria-label'?: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => unknown;
};

/** A button that asks first; the dialog stays open with the error if the action fails. */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  color,
  ...rest
}: ConfirmButtonProps) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The dialog shows (and confirms) what was asked when it opened: the action's own refetch can change the props
  // under it (Disable → Enable), which must not flip its text while it closes nor swap the action it runs.
  const current = { title, message, confirmLabel, color, onConfirm };
  const [asked, setAsked] = useState(current);

  const ask = () => {
    setAsked(current);
    setError(null);
    open();
  };

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await asked.onConfirm();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button color={color} {...rest} onClick={ask}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={asked.title} centered>
        <Stack>
          <Text fz="sm">{asked.message}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={asked.color} loading={pending} onClick={confirm}>
              {asked.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
