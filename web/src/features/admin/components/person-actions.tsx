import type { Person } from '@gatehouse/contracts';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can, canAny } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';

const invalidates = ['listPeople', 'getPerson', 'listOrganizations', 'getOrganization'] as const;

export function PersonActions({ person }: { person: Person }) {
  const t = useT();
  const params = { id: person.id };
  const disable = useApiMutation('disablePerson', { invalidates: [...invalidates] });
  const enable = useApiMutation('enablePerson', { invalidates: [...invalidates] });
  const resend = useApiMutation('resendInvitation', {
    onSuccess: () => notifications.show({ color: 'teal', message: t('people.resent', { email: person.email }) }),
    invalidates: ['listPeople'],
  });

  return (
    <>
      {person.status === 'invited' && canAny(person.abilities, 'person.invite', 'person.update') && (
        <Button
          size="xs"
          variant="default"
          loading={resend.isPending}
          onClick={() => resend.mutate({ params })}
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
          onClick={() => enable.mutate({ params })}
          aria-label={t('people.enableNamed', { name: person.name })}
        >
          {t('people.enable')}
        </Button>
      )}
    </>
  );
}
