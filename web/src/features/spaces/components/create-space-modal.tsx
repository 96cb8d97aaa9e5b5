import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { kindDefaults } from '../space-capabilities';
import { kindList } from '../space-kinds';
import { CapabilityPicker } from './capability-picker';

type Kind = (typeof kindList)[number];

export function CreateSpaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('client');
  const [description, setDescription] = useState('');
  const available = useApiQuery('listSpaceCapabilities', undefined, { staleTime: Number.POSITIVE_INFINITY });
  // Null until the person changes them: the kind's defaults apply, and follow the kind while it changes.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const capabilities = chosen ?? kindDefaults(available.data?.capabilities ?? [], kind);
  const create = useApiMutation('createSpace', {
    invalidates: ['listSpaces'],
    onSuccess: ({ space }) => {
      close();
      navigate(`/spaces/${space.id}`);
    },
  });
  const close = () => {
    setName('');
    setDescription('');
    setChosen(null);
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      body: { name, kind, description: description || undefined, ...(chosen ? { capabilities: chosen } : {}) },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('spaces.createTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('spaces.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            maxLength={120}
            data-autofocus
          />
          <NativeSelect
            label={t('spaces.kind')}
            description={t(`spaceKindHints.${kind}`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as Kind);
              setChosen(null);
            }}
            data={kindList.map((value) => ({ value, label: t(`spaceKinds.${value}`) }))}
          />
          <CapabilityPicker value={capabilities} onChange={setChosen} hint={t('capabilities.createHint')} />
          <Textarea
            label={t('spaces.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
          />
          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('spaces.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
