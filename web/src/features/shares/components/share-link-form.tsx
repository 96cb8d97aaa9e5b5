import { Button, Checkbox, NumberInput, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { type ShareLink, type ShareTarget, useSharesMutation } from '../shares.api';

/** The settings of a new link; the default and the longest expiry come from the administrators' settings. */
export function ShareLinkForm({ target, onCreated }: { target: ShareTarget; onCreated: (link: ShareLink) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const settings = useApiQuery('shareLinkSettings', undefined, { staleTime: Number.POSITIVE_INFINITY });
  const [days, setDays] = useState<number | ''>('');
  const [password, setPassword] = useState('');
  const [limit, setLimit] = useState<number | ''>('');
  const [requireEmail, setRequireEmail] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [sendToRecipient, setSendToRecipient] = useState(false);
  const [note, setNote] = useState('');
  const create = useSharesMutation(target.type === 'document' ? 'createDocumentShareLink' : 'createFolderShareLink');

  const defaults = settings.data;
  const chosenDays = days === '' ? (defaults?.defaultDays ?? 0) : days;
  const until = defaults ? formatDate(new Date(Date.now() + chosenDays * 86_400_000).toISOString(), locale) : '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...(days === '' ? {} : { expiresInDays: days }),
      ...(password ? { password } : {}),
      ...(limit === '' ? {} : { maxDownloads: limit }),
      ...(requireEmail ? { requireEmail: true } : {}),
      ...(recipient.trim() ? { recipientEmail: recipient.trim() } : {}),
      ...(sendToRecipient ? { sendToRecipient: true } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const result = await create.mutateAsync({ params: { id: target.id }, body }).catch(() => null);
    if (result) onCreated(result.link);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberInput
          label={t('shares.expiresIn')}
          placeholder={defaults ? String(defaults.defaultDays) : undefined}
          description={
            defaults
              ? t('shares.expiresHint', { default: defaults.defaultDays, max: defaults.maxDays, date: until })
              : null
          }
          min={1}
          max={defaults?.maxDays}
          clampBehavior="strict"
          allowDecimal={false}
          value={days}
          onChange={(value) => setDays(typeof value === 'number' ? value : '')}
        />
        <PasswordInput
          label={t('shares.password')}
          description={t('shares.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <NumberInput
          label={t('shares.limit')}
          description={t('shares.limitHint')}
          min={1}
          allowDecimal={false}
          value={limit}
          onChange={(value) => setLimit(typeof value === 'number' ? value : '')}
        />
        <Checkbox
          label={t('shares.requireEmail')}
          description={t('shares.requireEmailHint')}
          checked={requireEmail}
          onChange={(event) => setRequireEmail(event.currentTarget.checked)}
        />
        <TextInput
          label={t('shares.recipientEmail')}
          type="email"
          autoComplete="off"
          required={requireEmail || sendToRecipient}
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
        />
        <Checkbox
          label={t('shares.sendToRecipient')}
          checked={sendToRecipient}
          onChange={(event) => setSendToRecipient(event.currentTarget.checked)}
        />
        <TextInput
          label={t('shares.note')}
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormError error={create.error} />
        <Button type="submit" loading={create.isPending}>
          {t('shares.create')}
        </Button>
        <Text fz="xs" c="dimmed">
          {t('shares.dialogText')}
        </Text>
      </Stack>
    </form>
  );
}
