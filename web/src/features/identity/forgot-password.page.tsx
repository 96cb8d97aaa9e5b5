import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useApiMutation } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { FormError } from '../../ui/form-error';
import { Icon } from '../../ui/icons';

export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const forgot = useApiMutation('forgotPassword');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate({ body: { email } });
  };

  return (
    <Stack>
      <div>
        <Title order={1} fz={24}>
          {t('forgot.title')}
        </Title>
        <Text c="dimmed" fz="sm" mt={4}>
          {t('forgot.text')}
        </Text>
      </div>
      {forgot.isSuccess ? (
        <Alert color="teal" icon={<Icon name="mail" />} title={t('forgot.sentTitle')} role="status">
          {t('forgot.sent', { email })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('forgot.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              required
              autoFocus
            />
            <FormError error={forgot.error} />
            <Button type="submit" loading={forgot.isPending} fullWidth size="md">
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" fz="sm" ta="center">
        {t('forgot.backToLogin')}
      </Anchor>
    </Stack>
  );
}
