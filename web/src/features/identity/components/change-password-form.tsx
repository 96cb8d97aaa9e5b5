import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { PasswordField } from './password-field';
import { Section } from './section';

export function ChangePasswordForm() {
  const t = useT();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useApiMutation('changePassword', {
    invalidates: ['listSessions'],
    onSuccess: () => {
      setCurrent('');
      setNew('');
      notifications.show({ color: 'teal', message: t('password.changed') });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ body: { currentPassword, newPassword } });
  };

  return (
    <Section title={t('password.title')} text={t('password.text')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <PasswordField label={t('password.current')} value={currentPassword} onChange={setCurrent} />
          <PasswordField label={t('password.new')} value={newPassword} onChange={setNew} withStrength />
          <FormError error={change.error} />
          <div>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}
