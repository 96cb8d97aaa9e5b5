import type { Space } from '@gatehouse/contracts';
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { FormError } from '../../../ui/form-error';

/** Edit and archive, each only when the space's abilities allow it. */
export function SpaceActions({ space }: { space: Space }) {
  const t = useT();
  const archive = useApiMutation('archiveSpace', { invalidates: ['getSpace', 'listSpaces'] });
  return (
    <>
      {can(space.abilities, 'space.update') && <EditSpaceButton space={space} />}
      {can(space.abilities, 'space.archive') && space.status === 'active' && (
        <ConfirmButton
          variant="default"
          color="red"
          title={t('space.archiveTitle', { name: space.name })}
          message={t('space.archiveText')}
          confirmLabel={t('space.archive')}
          onConfirm={() => archive.mutateAsync({ params: { id: space.id } })}
        >
          {t('space.archive')}
        </ConfirmButton>
      )}
    </>
  );
}

function EditSpaceButton({ space }: { space: Space }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const update = useApiMutation('updateSpace', { invalidates: ['getSpace', 'listSpaces'], onSuccess: close });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ params: { id: space.id }, body: { name, description } });
  };

  return (
    <>
      <Button variant="default" onClick={open}>
        {t('space.edit')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('space.editTitle')} centered size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('spaces.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              maxLength={120}
            />
            <Textarea
              label={t('spaces.description')}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={2000}
            />
            <FormError error={update.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
