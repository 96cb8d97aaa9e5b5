import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';
import { kindList } from '../space-kinds';

type Kind = (typeof kindList)[number];

export function CreateSpaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('client');
  const [description, setDescription] = useState('');
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
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ body: { name, kind, description: description || undefined } });
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
            onChange={(event) => setKind(event.currentTarget.value as Kind)}
            data={kindList.map((value) => ({ value, label: t(`spaceKinds.${value}`) }))}
          />
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
