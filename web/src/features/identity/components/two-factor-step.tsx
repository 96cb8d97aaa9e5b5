import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { refreshMe } from '../../../lib/session';
import { FormError } from '../../../ui/form-error';

/** Second step of sign-in: a code from the authenticator app, or one of the recovery codes. */
export function TwoFactorStep({ onBack }: { onBack: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const verify = useApiMutation('twoFactor');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await verify.mutateAsync({ body: { code: code.trim() } }).catch(() => null);
    if (ok) await refreshMe();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz={24}>
            {t('twoFactor.title')}
          </Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('twoFactor.text')}
          </Text>
        </div>
        <TextInput
          label={t('twoFactor.code')}
          description={t('twoFactor.codeHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={32}
          styles={{ input: { letterSpacing: '0.15em', fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <FormError error={verify.error} />
        <Button type="submit" loading={verify.isPending} fullWidth size="md">
          {t('twoFactor.submit')}
        </Button>
        <Button variant="subtle" color="gray" onClick={onBack}>
          {t('twoFactor.back')}
        </Button>
      </Stack>
    </form>
  );
}
