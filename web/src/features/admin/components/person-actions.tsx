import type { Person } from '@gatehouse/contracts';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can, canAny } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { errorMessage } from '../../../ui/error-alert';
import { EditPersonModal } from './edit-person-modal';

const invalidates = ['listPeople', 'getPerson', 'listOrganizations', 'getOrganization'] as const;

export function PersonActions({ person }: { person: Person }) {
  const t = useT();
  const params = { id: person.id };
  const [editing, edit] = useDisclosure(false);
  const canEdit = can(person.abilities, 'person.update');
  const disable = useApiMutation('disablePerson', { invalidates: [...invalidates] });
  const enable = useApiMutation('enablePerson', {
    invalidates: [...invalidates],
    onSuccess: () => notifications.show({ color: 'teal', message: t('people.enabledDone', { name: person.name }) }),
  });
  const resend = useApiMutation('resendInvitation', {
    onSuccess: () => notifications.show({ color: 'teal', message: t('people.resent', { email: person.email }) }),
    invalidates: ['listPeople'],
  });
  // These two act without a dialog that could hold an error, so a refusal is reported in a notification instead.
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) });

  return (
    <>
      {canEdit && (
        <Button
          size="xs"
          variant="default"
          onClick={edit.open}
          aria-label={t('people.editNamed', { name: person.name })}
        >
          {t('people.edit')}
        </Button>
      )}
      {person.status === 'invited' && canAny(person.abilities, 'person.invite', 'person.update') && (
        <Button
          size="xs"
          variant="default"
          loading={resend.isPending}
          onClick={() => resend.mutate({ params }, { onError })}
          aria-label={t('people.resendNamed', { name: person.name })}
        >
          {t('people.resend')}
        </Button>
      )}
      {person.status !== 'disabled' && can(person.abilities, 'person.disable') && (
        <ConfirmButton
          size="xs"
          variant="light"
          color="red"
          aria-label={t('people.disableNamed', { name: person.name })}
          title={t('people.disableTitle', { name: person.name })}
          message={t('people.disableText')}
          confirmLabel={t('people.disable')}
          onConfirm={() => disable.mutateAsync({ params })}
        >
          {t('people.disable')}
        </ConfirmButton>
      )}
      {person.status === 'disabled' && can(person.abilities, 'person.disable') && (
        <Button
          size="xs"
          variant="light"
          color="teal"
          loading={enable.isPending}
          onClick={() => enable.mutate({ params }, { onError })}
          aria-label={t('people.enableNamed', { name: person.name })}
        >
          {t('people.enable')}
        </Button>
      )}
      {canEdit && <EditPersonModal person={person} opened={editing} onClose={edit.close} />}
    </>
  );
}
