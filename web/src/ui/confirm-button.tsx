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

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button color={color} {...rest} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text fz="sm">{message}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
