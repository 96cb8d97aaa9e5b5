import type { Space, SpaceMember, SpaceRole } from '@gatehouse/contracts';
import { Badge, Button, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatDate } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { type Column, DataTable } from '../../../ui/data-table';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorAlert } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { roleList } from '../space-kinds';
import { AddMemberModal } from './add-member-modal';
import { InviteToSpaceModal } from './invite-to-space-modal';
import { RoleBadge } from './role-badge';

const memberName = (member: SpaceMember) => member.person?.name ?? member.organization.name;

export function MembersTab({ space }: { space: Space }) {
  const t = useT();
  const { locale } = useLocale();
  const members = useApiQuery('listMembers', { params: { id: space.id } });
  const [adding, addModal] = useDisclosure(false);
  const [inviting, inviteModal] = useDisclosure(false);
  const manage = can(space.abilities, 'space.manage_members');
  const invite = can(space.abilities, 'space.invite');
  const touchesOwners = can(space.abilities, 'space.manage_owners');
  const invalidates = ['listMembers', 'getSpace', 'listSpaces'] as const;
  const update = useApiMutation('updateMember', { invalidates: [...invalidates] });
  const remove = useApiMutation('removeMember', { invalidates: [...invalidates] });

  const columns: Column<SpaceMember>[] = [
    {
      key: 'member',
      header: t('members.member'),
      primary: true,
      render: (member) =>
        member.person ? (
          <div>
            <Text fw={500} fz="sm">
              {member.person.name}
            </Text>
            <Text c="dimmed" fz="xs">
              {member.person.email}
            </Text>
          </div>
        ) : (
          <Group gap="xs">
            <Text fw={500} fz="sm">
              {member.organization.name}
            </Text>
            <Badge variant="outline" color="gray" size="sm" radius="sm">
              {t('members.wholeOrganization')}
            </Badge>
          </Group>
        ),
    },
    { key: 'organization', header: t('members.organization'), render: (member) => member.organization.name },
    {
      key: 'role',
      header: t('members.role'),
      render: (member) =>
        manage && (touchesOwners || member.role !== 'owner') ? (
          <NativeSelect
            aria-label={t('members.roleOf', { name: memberName(member) })}
            size="xs"
            value={member.role}
            data={roleList
              .filter((role) => touchesOwners || role !== 'owner')
              .map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            onChange={(event) =>
              update.mutate({
                params: { id: space.id, memberId: member.id },
                body: { role: event.currentTarget.value as SpaceRole },
              })
            }
            w={150}
          />
        ) : (
          <RoleBadge role={member.role} />
        ),
    },
    {
      key: 'expires',
      nowrap: true,
      header: t('members.expires'),
      render: (member) => (member.expiresAt ? formatDate(member.expiresAt, locale) : t('members.noExpiry')),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (member) => (
        <ConfirmButton
          size="xs"
          variant="light"
          color="red"
          aria-label={t('members.removeNamed', { name: memberName(member) })}
          title={t('members.removeTitle', { name: memberName(member) })}
          message={member.person ? t('members.removePersonText') : t('members.removeOrganizationText')}
          confirmLabel={t('members.remove')}
          onConfirm={() => remove.mutateAsync({ params: { id: space.id, memberId: member.id } })}
        >
          {t('members.remove')}
        </ConfirmButton>
      ),
    });
  }

  return (
    <Stack>
      {(manage || invite) && (
        <Group gap="xs">
          {manage && (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={addModal.open}>
              {t('members.add')}
            </Button>
          )}
          {invite && (
            <Button variant="light" leftSection={<Icon name="mail" size={16} />} onClick={inviteModal.open}>
              {t('members.invite')}
            </Button>
          )}
        </Group>
      )}
      <ErrorAlert error={members.error ?? update.error} />
      {members.isPending && <Loader aria-label={t('common.loading')} />}
      {members.data && (
        <DataTable
          label={t('members.title')}
          columns={columns}
          rows={members.data.members}
          rowKey={(member) => member.id}
          empty={
            <EmptyState
              icon="users"
              title={t('members.emptyTitle')}
              text={manage ? t('members.emptyText') : undefined}
            />
          }
        />
      )}
      {manage && <AddMemberModal space={space} opened={adding} onClose={addModal.close} />}
      {invite && <InviteToSpaceModal space={space} opened={inviting} onClose={inviteModal.close} />}
    </Stack>
  );
}
