import type { Person, RouteBody } from '@gatehouse/contracts';
import { Button, Checkbox, CloseButton, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { dayInput, endOfDayIso, todayInput } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { useMe } from '../../../lib/session';
import { FormError } from '../../../ui/form-error';

type Props = { person: Person; opened: boolean; onClose: () => void };

/** Rename a person, change their sponsor, access end date and administrator rights. */
export function EditPersonModal({ person, opened, onClose }: Props) {
  const t = useT();
  // The form is not wrapped in `opened &&`: the modal unmounts it once closed (fresh state on the next open), and
  // keeping it until then stops the dialog from collapsing to an empty box during its closing animation.
  return (
    <Modal opened={opened} onClose={onClose} title={t('editPerson.title')} centered size="lg">
      <EditPersonForm person={person} onDone={onClose} />
    </Modal>
  );
}

type Draft = { name: string; sponsorId: string; expires: string; isOrgAdmin: boolean; isAdmin: boolean };

const draftOf = (person: Person): Draft => ({
  name: person.name,
  sponsorId: person.sponsor?.id ?? '',
  expires: dayInput(person.accessExpiresAt),
  isOrgAdmin: person.isOrgAdmin,
  isAdmin: person.isAdmin,
});

/** Only what changed is sent, so an untouched end date keeps its exact time and untouched rights need no check. */
function changes(initial: Draft, draft: Draft): RouteBody<'updatePerson'> {
  const body: RouteBody<'updatePerson'> = {};
  if (draft.name.trim() !== initial.name) body.name = draft.name.trim();
  if (draft.sponsorId !== initial.sponsorId) body.sponsorId = draft.sponsorId || null;
  if (draft.expires !== initial.expires) body.accessExpiresAt = endOfDayIso(draft.expires);
  if (draft.isOrgAdmin !== initial.isOrgAdmin) body.isOrgAdmin = draft.isOrgAdmin;
  if (draft.isAdmin !== initial.isAdmin) body.isAdmin = draft.isAdmin;
  return body;
}

function EditPersonForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const t = useT();
  const me = useMe();
  const [initial] = useState(() => draftOf(person));
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const organizations = useApiQuery('listOrganizations');
  const host = organizations.data?.organizations.find((organization) => organization.isHost);
  const hostPeople = useApiQuery(
    'listPeople',
    { query: { organizationId: host?.id, status: 'active' } },
    { enabled: Boolean(host) },
  );
  const isSelf = person.id === me.id;
  const update = useApiMutation('updatePerson', {
    invalidates: [
      'listPeople',
      'getPerson',
      'listOrganizations',
      'getOrganization',
      ...(isSelf ? (['me'] as const) : []),
    ],
    onSuccess: ({ person: saved }) => {
      notifications.show({ color: 'teal', message: t('editPerson.saved', { name: saved.name }) });
      onDone();
    },
  });
  const canGrantAdmin = can(person.abilities, 'person.grant_admin');

  // A sponsor who is no longer active stays listed while selected, so the field shows the truth.
  const sponsors = (hostPeople.data?.people ?? []).filter((candidate) => candidate.id !== person.id);
  const sponsorOptions = sponsors.map((candidate) => ({ value: candidate.id, label: candidate.name }));
  if (person.sponsor && !sponsors.some((candidate) => candidate.id === person.sponsor?.id)) {
    sponsorOptions.push({ value: person.sponsor.id, label: person.sponsor.name });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = changes(initial, draft);
    if (Object.keys(body).length === 0) onDone();
    else update.mutate({ params: { id: person.id }, body });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {person.email} · {person.organization.name}
        </Text>
        <TextInput
          label={t('invitePerson.name')}
          value={draft.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          required
          maxLength={120}
          data-autofocus
        />
        {host && (
          <NativeSelect
            label={t('invitePerson.sponsor')}
            description={t('invitePerson.sponsorHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={draft.sponsorId}
            onChange={(event) => set('sponsorId', event.currentTarget.value)}
            data={[{ value: '', label: t('invitePerson.noSponsor') }, ...sponsorOptions]}
          />
        )}
        <TextInput
          label={t('invitePerson.expires')}
          description={t('editPerson.expiresHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          type="date"
          min={todayInput()}
          value={draft.expires}
          onChange={(event) => set('expires', event.currentTarget.value)}
          rightSectionPointerEvents="all"
          rightSection={
            draft.expires ? (
              <CloseButton
                size="sm"
                aria-label={t('editPerson.clearExpiry')}
                title={t('editPerson.clearExpiry')}
                onClick={() => set('expires', '')}
              />
            ) : null
          }
        />
        <Checkbox
          label={t('invitePerson.orgAdmin')}
          description={t('invitePerson.orgAdminHint')}
          checked={draft.isOrgAdmin}
          onChange={(event) => set('isOrgAdmin', event.currentTarget.checked)}
        />
        {canGrantAdmin && (
          <Checkbox
            label={t('invitePerson.hostAdmin')}
            description={isSelf && initial.isAdmin ? t('editPerson.selfAdminHint') : t('invitePerson.hostAdminHint')}
            checked={draft.isAdmin}
            disabled={isSelf && initial.isAdmin}
            onChange={(event) => set('isAdmin', event.currentTarget.checked)}
          />
        )}
        <FormError error={update.error ?? organizations.error ?? hostPeople.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!draft.name.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
