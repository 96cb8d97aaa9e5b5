import type { Organization } from '@gatehouse/contracts';
import { notifications } from '@mantine/notifications';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';

const invalidates = ['listOrganizations', 'getOrganization', 'listPeople'] as const;

/** Disable (everyone in it is signed out at once) or enable an organization, when its abilities allow. */
export function OrganizationStatusButton({
  organization,
  size = 'xs',
}: {
  organization: Organization;
  size?: 'xs' | 'sm';
}) {
  const t = useT();
  const disable = useApiMutation('disableOrganization', {
    invalidates: [...invalidates],
    onSuccess: () =>
      notifications.show({ color: 'teal', message: t('organizations.disabledDone', { name: organization.name }) }),
  });
  const enable = useApiMutation('enableOrganization', { invalidates: [...invalidates] });
  if (!can(organization.abilities, 'organization.disable')) return null;
  const params = { id: organization.id };

  if (organization.status === 'active') {
    return (
      <ConfirmButton
        size={size}
        variant="light"
        color="red"
        aria-label={t('organizations.disableNamed', { name: organization.name })}
        title={t('organizations.disableTitle', { name: organization.name })}
        message={t.plural('organizations.disableText', organization.peopleCount)}
        confirmLabel={t('organizations.disable')}
        onConfirm={() => disable.mutateAsync({ params })}
      >
        {t('organizations.disable')}
      </ConfirmButton>
    );
  }
  return (
    <ConfirmButton
      size={size}
      variant="light"
      color="teal"
      aria-label={t('organizations.enableNamed', { name: organization.name })}
      title={t('organizations.enableTitle', { name: organization.name })}
      message={t('organizations.enableText')}
      confirmLabel={t('organizations.enable')}
      onConfirm={() => enable.mutateAsync({ params })}
    >
      {t('organizations.enable')}
    </ConfirmButton>
  );
}
