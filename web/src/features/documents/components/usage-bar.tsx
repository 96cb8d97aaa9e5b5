import { Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';

type Usage = { bytes: number; quotaBytes: number | null };

/** "2.1 GB of 10 GB used", with a bar that turns orange then red as the quota fills. */
export function UsageBar({ usage }: { usage: Usage }) {
  const t = useT();
  const { locale } = useLocale();
  const used = formatBytes(usage.bytes, locale);
  if (usage.quotaBytes === null) {
    return (
      <Text fz="xs" c="dimmed">
        {t('documents.usageNoQuota', { used })}
      </Text>
    );
  }
  const percent = usage.quotaBytes > 0 ? Math.min(100, Math.round((usage.bytes / usage.quotaBytes) * 100)) : 100;
  const label = t('documents.usage', { used, quota: formatBytes(usage.quotaBytes, locale) });
  return (
    <Stack gap={4} w={{ base: '100%', xs: 220 }}>
      <Text fz="xs" c={percent >= 90 ? 'red.7' : 'dimmed'}>
        {label}
      </Text>
      <Progress
        value={percent}
        size="sm"
        color={percent >= 90 ? 'red' : percent >= 75 ? 'orange' : 'indigo'}
        aria-label={t('documents.storageUsed')}
      />
    </Stack>
  );
}
