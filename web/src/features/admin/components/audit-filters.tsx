import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { RouteQuery } from '../../../lib/api';
import { endOfDayIso, startOfDayIso } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import { auditActionOptions } from '../audit-actions';

export type AuditFilters = { action: string; actorId: string; from: string; to: string };

/** Form values (dates as local days) → the API query; shared by the list and the CSV export. */
export function toAuditQuery(filters: AuditFilters): NonNullable<RouteQuery<'exportAudit'>> {
  return {
    action: filters.action.trim() || undefined,
    actorId: filters.actorId || undefined,
    from: startOfDayIso(filters.from),
    to: endOfDayIso(filters.to) ?? undefined,
  };
}

export function AuditFiltersForm({ value, onChange }: { value: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const people = useApiQuery('listPeople');
  const set = (key: keyof AuditFilters) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const clear = () => {
    const empty = { action: '', actorId: '', from: '', to: '' };
    setDraft(empty);
    onChange(empty);
  };

  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm" mb="md">
        <NativeSelect
          label={t('audit.filterAction')}
          value={draft.action}
          onChange={set('action')}
          data={auditActionOptions(t)}
          style={{ flex: '1 1 200px' }}
        />
        <NativeSelect
          label={t('audit.filterActor')}
          value={draft.actorId}
          onChange={set('actorId')}
          data={[
            { value: '', label: t('audit.anyone') },
            ...(people.data?.people ?? []).map((person) => ({ value: person.id, label: person.name })),
          ]}
          style={{ flex: '1 1 180px' }}
        />
        <TextInput
          label={t('audit.from')}
          type="date"
          value={draft.from}
          onChange={set('from')}
          style={{ flex: '1 1 150px' }}
        />
        <TextInput
          label={t('audit.to')}
          type="date"
          value={draft.to}
          onChange={set('to')}
          style={{ flex: '1 1 150px' }}
        />
        <Group gap="xs">
          <Button type="submit" leftSection={<Icon name="search" size={16} />}>
            {t('audit.apply')}
          </Button>
          <Button variant="subtle" color="gray" onClick={clear}>
            {t('audit.clear')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
