import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { endOfDayIso, todayInput } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { useMe } from '../../../lib/session';
import { FormError } from '../../../ui/form-error';

type Props = { opened: boolean; onClose: () => void; organizationId?: string };

export function InvitePersonModal({ opened, onClose, organizationId }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('invitePerson.title')} centered size="lg">
      {opened && <InvitePersonForm onDone={onClose} initialOrganizationId={organizationId} />}
    </Modal>
  );
}

function InvitePersonForm({ onDone, initialOrganizationId }: { onDone: () => void; initialOrganizationId?: string }) {
  const t = useT();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState(initialOrganizationId ?? '');
  const [sponsorId, setSponsorId] = useState(me.organization.isHost ? me.id : '');
  const [expires, setExpires] = useState('');
  const [isOrgAdmin, setOrgAdmin] = useState(false);
  const [isAdmin, setAdmin] = useState(false);
  const organizations = useApiQuery('listOrganizations');
  const host = organizations.data?.organizations.find((organization) => organization.isHost);
  const hostPeople = useApiQuery(
    'listPeople',
    { query: { organizationId: host?.id, status: 'active' } },
    { enabled: Boolean(host) },
  );
  const invite = useApiMutation('invitePerson', {
    invalidates: ['listPeople', 'listOrganizations', 'getOrganization'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('invitePerson.sent', { email }) });
      onDone();
    },
  });
  const orgOptions = (organizations.data?.organizations ?? [])
    .filter((organization) => organization.status === 'active')
    .map((organization) => ({ value: organization.id, label: organization.name }));
  const selectedOrg = organizationId || (orgOptions.length === 1 ? orgOptions[0].value : '');
  const target = organizations.data?.organizations.find((organization) => organization.id === selectedOrg);
  const canMakeHostAdmin = can(target?.abilities, 'person.grant_admin');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({
      body: {
        email,
        name,
        organizationId: selectedOrg,
        sponsorId: sponsorId || null,
        accessExpiresAt: endOfDayIso(expires),
        isOrgAdmin,
        ...(canMakeHostAdmin ? { isAdmin } : {}),
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('invitePerson.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('invitePerson.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
          />
        </SimpleGrid>
        <NativeSelect
          label={t('invitePerson.organization')}
          value={selectedOrg}
          onChange={(event) => setOrganizationId(event.currentTarget.value)}
          data={[{ value: '', label: t('members.chooseOrganization') }, ...orgOptions]}
          required
        />
        {host && (
          <NativeSelect
            label={t('invitePerson.sponsor')}
            description={t('invitePerson.sponsorHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={sponsorId}
            onChange={(event) => setSponsorId(event.currentTarget.value)}
            data={[
              { value: '', label: t('invitePerson.noSponsor') },
              ...(hostPeople.data?.people ?? []).map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
        )}
        <TextInput
          label={t('invitePerson.expires')}
          description={t('invitePerson.expiresHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          type="date"
          min={todayInput()}
          value={expires}
          onChange={(event) => setExpires(event.currentTarget.value)}
          maw={240}
        />
        <Checkbox
          label={t('invitePerson.orgAdmin')}
          description={t('invitePerson.orgAdminHint')}
          checked={isOrgAdmin}
          onChange={(event) => setOrgAdmin(event.currentTarget.checked)}
        />
        {canMakeHostAdmin && (
          <Checkbox
            label={t('invitePerson.hostAdmin')}
            description={t('invitePerson.hostAdminHint')}
            checked={isAdmin}
            onChange={(event) => setAdmin(event.currentTarget.checked)}
          />
        )}
        <FormError error={invite.error ?? organizations.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} disabled={!selectedOrg}>
            {t('invitePerson.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
