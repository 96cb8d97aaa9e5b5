import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { LoginState } from '../../layout/guards';
import { useApiMutation } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { refreshMe } from '../../lib/session';
import { FormError } from '../../ui/form-error';
import { Icon } from '../../ui/icons';
import { PasswordField } from './components/password-field';
import { TwoFactorStep } from './components/two-factor-step';

export function LoginPage() {
  const t = useT();
  const state = (useLocation().state ?? {}) as LoginState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const login = useApiMutation('login');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login.mutateAsync({ body: { email, password } }).catch(() => null);
    if (!result) return;
    if (result.twoFactorRequired) setStep('code');
    else await refreshMe();
  };

  if (step === 'code') return <TwoFactorStep onBack={() => setStep('password')} />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz={24}>
            {t('login.title')}
          </Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('login.subtitle')}
          </Text>
        </div>
        {state.sessionEnded && (
          <Alert color="orange" icon={<Icon name="lock" />} title={t('login.sessionEnded')} role="status">
            {t('login.sessionEndedText')}
          </Alert>
        )}
        {state.notice && (
          <Alert color="teal" icon={<Icon name="check" />} role="status">
            {t(state.notice === 'passwordReset' ? 'login.passwordResetDone' : 'login.accountReady')}
          </Alert>
        )}
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          required
          autoFocus
        />
        <PasswordField label={t('login.password')} value={password} onChange={setPassword} />
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" fz="sm">
            {t('login.forgot')}
          </Anchor>
        </Group>
        <FormError error={login.error} />
        <Button type="submit" loading={login.isPending} fullWidth size="md">
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
