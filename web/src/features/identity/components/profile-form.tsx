import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { meKey, useMe } from '../../../lib/session';
import { FormError } from '../../../ui/form-error';
import { Section } from './section';

export function ProfileForm() {
  const t = useT();
  const me = useMe();
  const client = useQueryClient();
  const { setLocale } = useLocale();
  const [name, setName] = useState(me.name);
  const [locale, setProfileLocale] = useState<string>(me.locale ?? '');
  const update = useApiMutation('updateMe', {
    onSuccess: (updated) => {
      client.setQueryData(meKey, updated);
      if (updated.locale) setLocale(updated.locale);
      notifications.show({ color: 'teal', message: t('profile.saved') });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ body: { name, locale: locale === 'en' || locale === 'fr' ? locale : null } });
  };

  return (
    <Section title={t('profile.title')} text={t('profile.text')}>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('profile.name')}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            style={{ flex: '1 1 240px' }}
          />
          <NativeSelect
            label={t('profile.language')}
            value={locale}
            onChange={(event) => setProfileLocale(event.currentTarget.value)}
            data={[
              { value: '', label: t('profile.languageAuto') },
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
            style={{ flex: '1 1 180px' }}
          />
          <Button type="submit" loading={update.isPending}>
            {t('profile.submit')}
          </Button>
        </Group>
        <FormError error={update.error} />
      </form>
    </Section>
  );
}
