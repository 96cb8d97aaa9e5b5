import { Checkbox, Loader, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../../lib/hooks';
import { useT } from '../../../lib/i18n';
import { describeCapability } from '../space-capabilities';

type Props = { value: string[]; onChange: (value: string[]) => void; hint: string };

/** Turns capabilities on and off, each with a sentence on what it gives the members. */
export function CapabilityPicker({ value, onChange, hint }: Props) {
  const t = useT();
  const list = useApiQuery('listSpaceCapabilities', undefined, { staleTime: Number.POSITIVE_INFINITY });
  if (list.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (list.isError) return <Text c="red.8">{t('capabilities.unavailable')}</Text>;
  return (
    <Checkbox.Group label={t('capabilities.title')} description={hint} value={value} onChange={onChange}>
      <Stack gap="sm" mt="xs">
        {list.data.capabilities.map(({ id }) => {
          const entry = describeCapability(id);
          return (
            <Checkbox
              key={id}
              value={id}
              label={'labelKey' in entry ? t(entry.labelKey) : entry.label}
              description={'descriptionKey' in entry ? t(entry.descriptionKey) : undefined}
            />
          );
        })}
      </Stack>
    </Checkbox.Group>
  );
}
