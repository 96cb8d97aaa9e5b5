import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FullPageLoader, type LoginState } from '../../layout/guards';
import { useApiMutation, useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { refreshMe } from '../../lib/session';
import { ErrorAlert } from '../../ui/error-alert';
import { FormError } from '../../ui/form-error';
import { PasswordField } from './components/password-field';

/** First run: the one-time token printed by the server creates the first host administrator. */
export function SetupPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const status = useApiQuery('setupStatus');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const setup = useApiMutation('setup', {
    onSuccess: async () => {
      const me = await refreshMe().catch(() => null);
      if (me) navigate('/', { replace: true });
      else navigate('/login', { replace: true, state: { notice: 'accountReady' } satisfies LoginState });
    },
  });

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data.setupRequired && !setup.isPending && !setup.isSuccess) {
    return (
      <Stack>
        <Title order={1} fz={24}>
          {t('setup.doneTitle')}
        </Title>
        <Text c="dimmed">{t('setup.doneText')}</Text>
        <Anchor component={Link} to="/login">
          {t('setup.goToLogin')}
        </Anchor>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate({ body: { token, email, name, password } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz={24}>
            {t('setup.title')}
          </Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('setup.text')}
          </Text>
        </div>
        <TextInput
          label={t('setup.name')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <TextInput
          label={t('setup.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          required
        />
        <PasswordField label={t('setup.password')} value={password} onChange={setPassword} withStrength />
        <FormError error={setup.error} />
        <Button type="submit" loading={setup.isPending} fullWidth size="md">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
