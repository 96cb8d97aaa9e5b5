import type { Space, SpaceRole } from '@gatehouse/contracts';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { FormError } from '../../../ui/form-error';
import { roleList } from '../space-kinds';

type Props = { space: Space; opened: boolean; onClose: () => void };

export function InviteToSpaceModal({ space, opened, onClose }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('spaceInvite.title', { space: space.name })} centered size="lg">
      {opened && <InviteForm space={space} onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ space, onDone }: { space: Space; onDone: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<SpaceRole>('viewer');
  const organizations = useApiQuery('listOrganizations');
  const invite = useApiMutation('inviteToSpace', {
    invalidates: ['listMembers', 'getSpace', 'listSpaces', 'listPeople'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('spaceInvite.sent', { email }) });
      onDone();
    },
  });
  const options = (organizations.data?.organizations ?? [])
    .filter((organization) => organization.status === 'active')
    .map((organization) => ({ value: organization.id, label: organization.name }));
  // A partner manager usually sees only their own organization: preselect it.
  const selected = organizationId || (options.length === 1 ? options[0].value : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ params: { id: space.id }, body: { email, name, organizationId: selected, role } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fz="sm" c="dimmed">
          {t('spaceInvite.text')}
        </Text>
        <TextInput
          label={t('spaceInvite.email')}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          required
          data-autofocus
        />
        <TextInput
          label={t('spaceInvite.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('spaceInvite.organization')}
            value={selected}
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
            data={[{ value: '', label: t('members.chooseOrganization') }, ...options]}
            required
          />
          <NativeSelect
            label={t('spaceInvite.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as SpaceRole)}
            data={roleList
              .filter((value) => value !== 'owner' || can(space.abilities, 'space.manage_owners'))
              .map((value) => ({ value, label: t(`roles.${value}`) }))}
          />
        </SimpleGrid>
        <FormError error={invite.error ?? organizations.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} disabled={!selected}>
            {t('spaceInvite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
