import { ActionIcon, Affix, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { errorMessage } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import classes from '../documents.module.css';
import { summarize, type UploadItem } from '../uploads/upload-queue';
import { uploadQueue, useUploads } from '../uploads/use-uploads';

/** Room at the bottom of the page, so that the panel never hides the last rows for good. */
export function UploadPanelSpacer() {
  const items = useUploads();
  return items.length > 0 ? <div style={{ height: 140 }} aria-hidden="true" /> : null;
}

/** Every upload of this tab: overall progress, then each file with its own bar, error and Cancel button. */
export function UploadPanel() {
  const t = useT();
  const items = useUploads();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  // On phones the file list would cover the page: it starts folded, the header and overall bar stay visible.
  const [expanded, setExpanded] = useState(!phone);
  const summary = summarize(items);
  const wasActive = useRef(summary.active);
  useEffect(() => {
    // A batch that went well folds itself away; one with errors stays open so that they are seen.
    if (wasActive.current && !summary.active && summary.failed === 0) setExpanded(false);
    if (!wasActive.current && summary.active && !phone) setExpanded(true);
    wasActive.current = summary.active;
  }, [summary.active, summary.failed, phone]);
  if (items.length === 0) return null;
  const title = summary.active
    ? t('documents.uploadingProgress', { done: summary.done, count: summary.count })
    : summary.failed > 0
      ? t('documents.uploadedWithErrors', { done: summary.done, count: summary.count, failed: summary.failed })
      : t.plural('documents.uploadedCount', summary.done);

  return (
    <Affix position={{ bottom: 12, right: 8 }} zIndex={150}>
      <Paper
        withBorder
        radius="md"
        className={classes.uploadPanel}
        role="region"
        aria-label={t('documents.uploads')}
        data-testid="upload-panel"
      >
        <Stack gap={6} p="sm">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} fz="sm" aria-live="polite" data-testid="upload-summary">
              {title}
            </Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={expanded ? t('documents.hideDetails') : t('documents.showDetails')}
                aria-expanded={expanded}
                onClick={() => setExpanded((value) => !value)}
              >
                <Icon name={expanded ? 'chevronDown' : 'chevronUp'} size={16} />
              </ActionIcon>
              {!summary.active && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('documents.closeUploads')}
                  onClick={uploadQueue.clearFinished}
                >
                  <Icon name="x" size={16} />
                </ActionIcon>
              )}
            </Group>
          </Group>
          <Progress
            value={summary.percent}
            aria-label={t('documents.overallProgress')}
            color={summary.failed > 0 && !summary.active ? 'orange' : summary.active ? 'indigo' : 'teal'}
            animated={summary.active}
          />
          {summary.active && (
            <Group justify="flex-end">
              <Button size="compact-xs" variant="subtle" color="red" onClick={uploadQueue.cancelAll}>
                {t('documents.cancelAll')}
              </Button>
            </Group>
          )}
        </Stack>
        {expanded && (
          <Stack gap={0} className={classes.uploadList} role="list" aria-label={t('documents.uploads')}>
            {items.map((item) => (
              <UploadRow key={item.id} item={item} />
            ))}
          </Stack>
        )}
      </Paper>
    </Affix>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  const t = useT();
  const { locale } = useLocale();
  const percent = item.size > 0 ? Math.round((item.sent / item.size) * 100) : item.status === 'done' ? 100 : 0;
  const running = item.status === 'queued' || item.status === 'uploading';
  const status =
    item.status === 'error'
      ? errorMessage(t, item.error)
      : item.status === 'canceled'
        ? t('documents.uploadCanceled')
        : item.status === 'done'
          ? t('documents.uploadDone')
          : item.status === 'queued'
            ? t('documents.uploadWaiting')
            : item.size > 0 && item.sent >= item.size
              ? t('documents.uploadFinishing')
              : `${formatBytes(item.sent, locale)} / ${formatBytes(item.size, locale)}`;
  const color = { error: 'red', canceled: 'gray', done: 'teal', queued: 'indigo', uploading: 'indigo' }[item.status];

  return (
    <Stack gap={4} px="sm" py={6} role="listitem" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="sm" className={classes.uploadPath} title={item.path}>
          {item.path}
        </Text>
        {running ? (
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('documents.cancelUpload', { name: item.path })}
            onClick={() => uploadQueue.cancel(item.id)}
          >
            <Icon name="x" size={14} />
          </ActionIcon>
        ) : item.status === 'error' || item.status === 'canceled' ? (
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('documents.retryUpload', { name: item.path })}
            onClick={() => uploadQueue.retry(item.id)}
          >
            <Icon name="restore" size={14} />
          </ActionIcon>
        ) : (
          <Icon name="check" size={16} color="var(--mantine-color-teal-7)" />
        )}
      </Group>
      <Progress
        value={percent}
        size="xs"
        color={color}
        aria-label={t('documents.uploadProgressOf', { name: item.path })}
      />
      <Text
        fz="xs"
        c={item.status === 'error' ? 'red.7' : 'dimmed'}
        role={item.status === 'error' ? 'alert' : undefined}
      >
        {status}
      </Text>
    </Stack>
  );
}
