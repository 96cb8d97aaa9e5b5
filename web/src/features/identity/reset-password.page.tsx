import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { LoginState } from '../../layout/guards';
import { useApiMutation } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { FormError } from '../../ui/form-error';
import { PasswordField } from './components/password-field';

export function ResetPasswordPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const reset = useApiMutation('resetPassword', {
    onSuccess: () => navigate('/login', { replace: true, state: { notice: 'passwordReset' } satisfies LoginState }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ body: { token, password } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz={24}>
            {t('reset.title')}
          </Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('reset.text')}
          </Text>
        </div>
        <PasswordField label={t('reset.password')} value={password} onChange={setPassword} withStrength />
        <FormError error={reset.error} />
        <Button type="submit" loading={reset.isPending} fullWidth size="md">
          {t('reset.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" fz="sm" ta="center">
          {t('reset.newLink')}
        </Anchor>
      </Stack>
    </form>
  );
}
