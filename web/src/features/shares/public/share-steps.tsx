import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { Icon } from '../../../ui/icons';

/** The password step of a protected link. */
export function PasswordStep({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const unlock = useApiMutation('unlockShare', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    unlock.mutate({ params: { token }, body: { password } });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} fz={22}>
          {t('shareLink.passwordTitle')}
        </Title>
        <PasswordInput
          label={t('shareLink.password')}
          autoComplete="off"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-autofocus
        />
        <FormError error={unlock.error} />
        <Button type="submit" loading={unlock.isPending} leftSection={<Icon name="lockOpen" size={16} />}>
          {t('shareLink.unlock')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The e-mail step: ask for a code, then type it. The code only ever travels by POST, so mail scanners that open the
 * link in the message burn nothing.
 */
export function EmailStep({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const send = useApiMutation('sendShareCode');
  const verify = useApiMutation('verifyShareCode', { onSuccess: onDone });
  const codeInput = useRef<HTMLInputElement>(null);
  // Once the code is on its way, the next thing to do is type it: take the person there (and open the phone keypad).
  useEffect(() => {
    if (send.isSuccess) codeInput.current?.focus();
  }, [send.isSuccess]);
  const ask = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ params: { token }, body: { email: email.trim() } });
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ params: { token }, body: { code: code.trim() } });
  };
  return (
    <Stack>
      <Title order={1} fz={22}>
        {t('shareLink.emailTitle')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('shareLink.emailText')}
      </Text>
      <form onSubmit={ask} noValidate>
        <Stack gap="xs">
          <TextInput
            label={t('shareLink.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <FormError error={send.error} />
          <Button
            type="submit"
            variant={send.isSuccess ? 'default' : 'filled'}
            loading={send.isPending}
            leftSection={<Icon name="mail" size={16} />}
          >
            {t('shareLink.sendCode')}
          </Button>
        </Stack>
      </form>
      {send.isSuccess && (
        <form onSubmit={check} noValidate>
          <Stack gap="xs">
            <Alert variant="light" color="indigo" icon={<Icon name="mail" />}>
              {t('shareLink.codeSent')}
            </Alert>
            <TextInput
              ref={codeInput}
              label={t('shareLink.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            />
            <FormError error={verify.error} />
            <Button type="submit" loading={verify.isPending} disabled={code.length !== 6}>
              {t('shareLink.verify')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
