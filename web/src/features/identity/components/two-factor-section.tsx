import { Badge, Button, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { refreshMe, useMe } from '../../../lib/session';
import { FormError } from '../../../ui/form-error';
import { PasswordField } from './password-field';
import { RecoveryCodes } from './recovery-codes';
import { Section } from './section';
import { TotpSetupFlow } from './totp-setup-flow';

export function TwoFactorSection() {
  const t = useT();
  const me = useMe();
  // Decided once, not from `me` on every render: a refetch of `me` must not unmount the recovery codes.
  const [showSetup, setShowSetup] = useState(!me.twoFactorEnabled);

  return (
    <Section title={t('totp.title')} text={t('totp.text')}>
      <Group>
        <Badge color={me.twoFactorEnabled ? 'teal' : 'gray'} variant="light" size="lg">
          {me.twoFactorEnabled ? t('totp.on') : t('totp.off')}
        </Badge>
      </Group>
      {showSetup ? (
        <TotpSetupFlow
          onDone={() => {
            setShowSetup(false);
            void refreshMe();
          }}
        />
      ) : (
        <Group gap="xs">
          <PasswordAction kind="regenerate" />
          <PasswordAction kind="disable" onDisabled={() => setShowSetup(true)} />
        </Group>
      )}
    </Section>
  );
}

function PasswordAction({ kind, onDisabled }: { kind: 'disable' | 'regenerate'; onDisabled?: () => void }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [password, setPassword] = useState('');
  const disable = useApiMutation('totpDisable', {
    onSuccess: async () => {
      close();
      onDisabled?.();
      await refreshMe();
      notifications.show({ color: 'teal', message: t('totp.disabled') });
    },
  });
  const regenerate = useApiMutation('regenerateRecoveryCodes');
  const mutation = kind === 'disable' ? disable : regenerate;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ body: { password } });
  };
  const dismiss = () => {
    setPassword('');
    regenerate.reset();
    disable.reset();
    close();
  };

  return (
    <>
      <Button
        variant={kind === 'disable' ? 'light' : 'default'}
        color={kind === 'disable' ? 'red' : undefined}
        onClick={open}
      >
        {kind === 'disable' ? t('totp.disable') : t('totp.regenerate')}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={kind === 'disable' ? t('totp.disable') : t('totp.regenerate')}
        centered
      >
        {regenerate.data ? (
          <RecoveryCodes codes={regenerate.data.recoveryCodes} onDone={dismiss} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <PasswordField label={t('password.current')} value={password} onChange={setPassword} />
              <FormError error={mutation.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={dismiss}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color={kind === 'disable' ? 'red' : undefined} loading={mutation.isPending}>
                  {kind === 'disable' ? t('totp.disableConfirm') : t('totp.regenerateConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
