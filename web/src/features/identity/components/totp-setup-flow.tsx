import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { Icon } from '../../../ui/icons';
import classes from '../../../ui/ui.module.css';
import { RecoveryCodes } from './recovery-codes';

/** SVG markup → data: URL, so the QR code is an image and never markup injected into the page. */
export const svgDataUrl = (svg: string) => {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
};

/** Start → scan the QR code (or type the secret) → confirm with a code → save the recovery codes. */
export function TotpSetupFlow({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const start = useApiMutation('totpSetup');
  const enable = useApiMutation('totpEnable');

  if (enable.data) return <RecoveryCodes codes={enable.data.recoveryCodes} onDone={onDone} />;

  if (!start.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <FormError error={start.error} />
        <Button
          leftSection={<Icon name="shield" size={16} />}
          loading={start.isPending}
          onClick={() => start.mutate({})}
        >
          {t('totp.start')}
        </Button>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate({ body: { code: code.trim() } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fz="sm">{t('totp.scan')}</Text>
        <Group align="flex-start" gap="lg">
          <Image src={svgDataUrl(start.data.qrSvg)} alt={t('totp.qrAlt')} className={classes.qr} fit="contain" />
          <Stack gap={4} style={{ flex: '1 1 200px', minWidth: 0 }}>
            <Text fz="sm" c="dimmed">
              {t('totp.manual')}
            </Text>
            <Code block className={classes.code} data-testid="totp-secret" fz="sm">
              {start.data.secret}
            </Code>
          </Stack>
        </Group>
        <TextInput
          label={t('totp.code')}
          description={t('totp.codeHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          maw={220}
        />
        <FormError error={enable.error} />
        <div>
          <Button type="submit" loading={enable.isPending} disabled={code.length !== 6}>
            {t('totp.activate')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
