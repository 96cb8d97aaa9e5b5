import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { dayInput, endOfDayIso, todayInput } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { Icon } from '../../../ui/icons';
import { useRequestsMutation } from '../requests.api';

type Props = { spaceId: string; folder: { id: string; name: string } | null; onDone: () => void };

/** Title, recipient, the documents expected, due date, destination folder, message and language of the e-mails. */
export function CreateRequestForm({ spaceId, folder, onDone }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [items, setItems] = useState<string[]>(['']);
  const [due, setDue] = useState(dayInput(new Date(Date.now() + 14 * 86_400_000).toISOString()));
  const [destination, setDestination] = useState<'current' | 'root'>(folder ? 'current' : 'root');
  const [message, setMessage] = useState('');
  const [language, setLanguage] = useState<'en' | 'fr'>(locale);
  const create = useRequestsMutation('createDocumentRequest');

  const setItem = (index: number, value: string) => setItems(items.map((item, i) => (i === index ? value : item)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: title.trim(),
      recipientName: name.trim(),
      recipientEmail: email.trim(),
      items: items.map((item) => item.trim()).filter(Boolean),
      dueAt: endOfDayIso(due) ?? '',
      folderId: destination === 'current' && folder ? folder.id : null,
      locale: language,
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    const done = await create.mutateAsync({ params: { id: spaceId }, body }).catch(() => null);
    if (done) onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('requests.titleLabel')}
          placeholder={t('requests.titlePlaceholder')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            label={t('requests.recipientName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            miw={200}
          />
          <TextInput
            label={t('requests.recipientEmail')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            miw={200}
          />
        </Group>
        <Stack gap={6}>
          <Text fz="sm" fw={500}>
            {t('requests.items')}
          </Text>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
            <Group key={index} gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                placeholder={t('requests.itemPlaceholder')}
                aria-label={`${t('requests.items')} ${index + 1}`}
                value={item}
                onChange={(e) => setItem(index, e.currentTarget.value)}
              />
              {items.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('requests.removeItem', { number: index + 1 })}
                  onClick={() => setItems(items.filter((_, i) => i !== index))}
                >
                  <Icon name="x" size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<Icon name="plus" size={14} />}
            onClick={() => setItems([...items, ''])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('requests.addItem')}
          </Button>
        </Stack>
        <TextInput
          label={t('requests.dueDate')}
          type="date"
          min={todayInput()}
          required
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
        />
        {folder && (
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('requests.destination')}
            </Text>
            <SegmentedControl
              value={destination}
              onChange={(value) => setDestination(value as 'current' | 'root')}
              data={[
                { value: 'current', label: t('requests.destinationCurrent', { name: folder.name }) },
                { value: 'root', label: t('requests.destinationRoot') },
              ]}
            />
          </Stack>
        )}
        <Textarea
          label={t('requests.message')}
          autosize
          minRows={2}
          maxLength={4000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            {t('requests.language')}
          </Text>
          <SegmentedControl
            value={language}
            onChange={(value) => setLanguage(value as 'en' | 'fr')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
          />
        </Stack>
        <Text fz="xs" c="dimmed">
          {t('requests.remindersNote')}
        </Text>
        <FormError error={create.error} />
        <Button type="submit" loading={create.isPending}>
          {t('requests.create')}
        </Button>
      </Stack>
    </form>
  );
}
