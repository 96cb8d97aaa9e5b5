import { Button, Group, Loader, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { FormError } from '../../../ui/form-error';

const GB = 1_000_000_000;
type Settings = { quotaBytes: number | null; keepVersions: number | null; keepDays: number | null };

/** Managers set the space's storage quota and how long old versions are kept. Empty fields mean "no limit". */
export function SettingsModal({ spaceId, onClose }: { spaceId: string; onClose: () => void }) {
  const t = useT();
  const settings = useApiQuery('getDocumentSettings', { params: { id: spaceId } });
  return (
    <Modal opened onClose={onClose} title={t('documents.settingsTitle')} centered>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Loader aria-label={t('common.loading')} />}
      {settings.data && <SettingsForm spaceId={spaceId} initial={settings.data} onDone={onClose} />}
    </Modal>
  );
}

const toNumber = (value: string | number): number | null => {
  const number = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(number) ? number : null;
};

function SettingsForm({ spaceId, initial, onDone }: { spaceId: string; initial: Settings; onDone: () => void }) {
  const t = useT();
  const [quota, setQuota] = useState<string | number>(initial.quotaBytes === null ? '' : initial.quotaBytes / GB);
  const [keepVersions, setKeepVersions] = useState<string | number>(initial.keepVersions ?? '');
  const [keepDays, setKeepDays] = useState<string | number>(initial.keepDays ?? '');
  const save = useApiMutation('updateDocumentSettings', {
    invalidates: ['getDocumentSettings', 'listFiles'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('documents.settingsSaved') });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gigabytes = toNumber(quota);
    const versions = toNumber(keepVersions);
    const days = toNumber(keepDays);
    save.mutate({
      params: { id: spaceId },
      body: {
        quotaBytes: gigabytes === null ? null : Math.round(gigabytes * GB),
        keepVersions: versions === null ? null : Math.round(versions),
        keepDays: days === null ? null : Math.round(days),
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberInput
          label={t('documents.quota')}
          description={t('documents.quotaHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={quota}
          onChange={setQuota}
          min={0}
          decimalScale={3}
          placeholder={t('documents.noLimit')}
        />
        <Text fw={600} fz="sm" mt="xs">
          {t('documents.retention')}
        </Text>
        <Text fz="xs" c="dimmed" mt={-8}>
          {t('documents.retentionHint')}
        </Text>
        <NumberInput
          label={t('documents.keepVersions')}
          value={keepVersions}
          onChange={setKeepVersions}
          min={1}
          max={10_000}
          allowDecimal={false}
          placeholder={t('documents.keepAll')}
        />
        <NumberInput
          label={t('documents.keepDays')}
          value={keepDays}
          onChange={setKeepDays}
          min={1}
          max={36_500}
          allowDecimal={false}
          placeholder={t('documents.keepForever')}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
