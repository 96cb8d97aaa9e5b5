import type { Organization } from '@gatehouse/contracts';
import { PartnerKind } from '@gatehouse/contracts';
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { useApiMutation } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { FormError } from '../../../ui/form-error';

type Kind = z.infer<typeof PartnerKind>;
export const partnerKinds = PartnerKind.options as Kind[];

type Props = { opened: boolean; onClose: () => void; organization?: Organization };

/** Create a partner organization, or rename / re-kind an existing one. */
export function OrganizationFormModal({ opened, onClose, organization }: Props) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organization ? t('organizations.editTitle') : t('organizations.createTitle')}
      centered
    >
      {opened && <OrganizationForm organization={organization} onDone={onClose} />}
    </Modal>
  );
}

function OrganizationForm({ organization, onDone }: { organization?: Organization; onDone: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [name, setName] = useState(organization?.name ?? '');
  const [kind, setKind] = useState<Kind>(organization && organization.kind !== 'host' ? organization.kind : 'customer');
  const invalidates = ['listOrganizations', 'getOrganization'] as const;
  const create = useApiMutation('createOrganization', {
    invalidates: [...invalidates],
    onSuccess: ({ organization: created }) => {
      onDone();
      navigate(`/admin/organizations/${created.id}`);
    },
  });
  const update = useApiMutation('updateOrganization', { invalidates: [...invalidates], onSuccess: onDone });
  const mutation = organization ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organization) update.mutate({ params: { id: organization.id }, body: { name, kind } });
    else create.mutate({ body: { name, kind } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('organizations.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          maxLength={120}
          data-autofocus
        />
        {organization?.kind !== 'host' && (
          <NativeSelect
            label={t('organizations.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as Kind)}
            data={partnerKinds.map((value) => ({ value, label: t(`orgKinds.${value}`) }))}
          />
        )}
        <FormError error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {organization ? t('common.save') : t('organizations.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
