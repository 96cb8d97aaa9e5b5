import type { Space } from '@gatehouse/contracts';
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can, canAny } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { FormError } from '../../../ui/form-error';
import { CapabilityPicker } from './capability-picker';

/** Edit and archive, each only when the space's abilities allow it. */
export function SpaceActions({ space }: { space: Space }) {
  const t = useT();
  const archive = useApiMutation('archiveSpace', { invalidates: ['getSpace', 'listSpaces'] });
  return (
    <>
      {canAny(space.abilities, 'space.update', 'space.manage_capabilities') && <EditSpaceButton space={space} />}
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
  const [capabilities, setCapabilities] = useState(space.capabilities);
  const describes = can(space.abilities, 'space.update');
  const managesCapabilities = can(space.abilities, 'space.manage_capabilities');
  const update = useApiMutation('updateSpace', { invalidates: ['getSpace', 'listSpaces'], onSuccess: close });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = [...capabilities].sort().join() !== [...space.capabilities].sort().join();
    update.mutate({
      params: { id: space.id },
      body: {
        ...(describes ? { name, description } : {}),
        ...(managesCapabilities && changed ? { capabilities } : {}),
      },
    });
  };

  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          // Each opening starts from the space as it is now, not from a draft left by Cancel.
          setName(space.name);
          setDescription(space.description);
          setCapabilities(space.capabilities);
          open();
        }}
      >
        {t('space.edit')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('space.editTitle')} centered size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {describes && (
              <>
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
              </>
            )}
            {managesCapabilities && (
              <CapabilityPicker value={capabilities} onChange={setCapabilities} hint={t('capabilities.settingsHint')} />
            )}
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
