import type { Space, SpaceRole } from '@gatehouse/contracts';
import { Button, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { endOfDayIso, todayInput } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { FormError } from '../../../ui/form-error';
import { roleList } from '../space-kinds';

type Props = { space: Space; opened: boolean; onClose: () => void };

export function AddMemberModal({ space, opened, onClose }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.addTitle', { space: space.name })} centered size="lg">
      {opened && <AddMemberForm space={space} onDone={onClose} />}
    </Modal>
  );
}

function AddMemberForm({ space, onDone }: { space: Space; onDone: () => void }) {
  const t = useT();
  const [type, setType] = useState<'person' | 'organization'>('person');
  const [personId, setPersonId] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<SpaceRole>('viewer');
  const [expires, setExpires] = useState('');
  const people = useApiQuery('listPeople', { query: { status: 'active' } });
  const organizations = useApiQuery('listOrganizations');
  const add = useApiMutation('addMember', {
    invalidates: ['listMembers', 'getSpace', 'listSpaces'],
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = type === 'person' ? { personId } : { organizationId };
    add.mutate({ params: { id: space.id }, body: { ...who, role, expiresAt: endOfDayIso(expires) } });
  };

  const personOptions = (people.data?.people ?? []).map((person) => ({
    value: person.id,
    label: `${person.name} — ${person.organization.name}`,
  }));
  const organizationOptions = (organizations.data?.organizations ?? [])
    .filter((organization) => organization.status === 'active')
    .map((organization) => ({ value: organization.id, label: organization.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group label={t('members.type')} value={type} onChange={(value) => setType(value as typeof type)}>
          <Group mt={6}>
            <Radio value="person" label={t('members.typePerson')} />
            <Radio value="organization" label={t('members.typeOrganization')} />
          </Group>
        </Radio.Group>
        {type === 'person' ? (
          <NativeSelect
            label={t('members.person')}
            value={personId}
            onChange={(event) => setPersonId(event.currentTarget.value)}
            data={[{ value: '', label: t('members.choosePerson') }, ...personOptions]}
            required
          />
        ) : (
          <NativeSelect
            label={t('members.organization')}
            description={t('members.organizationHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={organizationId}
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
            data={[{ value: '', label: t('members.chooseOrganization') }, ...organizationOptions]}
            required
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('members.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as SpaceRole)}
            data={roleList
              .filter((value) => value !== 'owner' || can(space.abilities, 'space.manage_owners'))
              .map((value) => ({ value, label: t(`roles.${value}`) }))}
          />
          <TextInput
            label={t('members.expiresOn')}
            description={t('members.expiresHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            type="date"
            min={todayInput()}
            value={expires}
            onChange={(event) => setExpires(event.currentTarget.value)}
          />
        </SimpleGrid>
        <FormError error={add.error ?? people.error ?? organizations.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending} disabled={type === 'person' ? !personId : !organizationId}>
            {t('members.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
