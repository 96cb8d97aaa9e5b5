import type { DocumentVersion } from '@gatehouse/contracts';
import {
  Badge,
  Button,
  Drawer,
  FileButton,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { ErrorAlert, errorMessage } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { contentUrl, type DocumentItem, useDocumentsMutation } from '../documents.api';
import { uploadNewVersion, useUploads } from '../uploads/use-uploads';

/** Every version of a document: download any, restore an old one, upload a new one with a comment. */
export function VersionsDrawer({ document, onClose }: { document: DocumentItem; onClose: () => void }) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const versions = useApiQuery('listVersions', { params: { id: document.id } });
  const restore = useDocumentsMutation('restoreVersion');
  const canUpload = can(document.abilities, 'document.upload');

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={t('documents.versionsTitle', { name: document.name })}
    >
      <Stack>
        {canUpload && <NewVersionForm document={document} />}
        <Title order={3} fz="md">
          {t('documents.history')}
        </Title>
        <ErrorAlert error={versions.error} />
        {versions.isPending && <Loader aria-label={t('common.loading')} />}
        <Stack gap="sm" role="list" aria-label={t('documents.history')}>
          {versions.data?.versions.map((version) => (
            <VersionCard
              key={version.id}
              version={version}
              documentId={document.id}
              canRestore={canUpload && !version.current}
              onRestore={() => restore.mutateAsync({ params: { id: document.id, versionId: version.id } })}
            />
          ))}
        </Stack>
      </Stack>
    </Drawer>
  );
}

type VersionCardProps = {
  version: DocumentVersion;
  documentId: string;
  canRestore: boolean;
  onRestore: () => Promise<unknown>;
};

function VersionCard({ version, documentId, canRestore, onRestore }: VersionCardProps) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Paper withBorder p="sm" role="listitem" data-testid={`version-${version.number}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} fz="sm">
              {t('documents.versionNumber', { number: version.number })}
            </Text>
            {version.current && (
              <Badge color="teal" variant="light" size="sm" radius="sm">
                {t('documents.current')}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {[
              version.author?.name ?? t('documents.someone'),
              formatDateTime(version.createdAt, locale),
              formatBytes(version.size, locale),
            ].join(' · ')}
          </Text>
          {version.comment && (
            <Text fz="sm" mt={4} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {version.comment}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button
            component="a"
            href={contentUrl(documentId, { version: version.number })}
            download
            size="xs"
            variant="default"
            leftSection={<Icon name="download" size={14} />}
            aria-label={t('documents.downloadVersion', { number: version.number })}
          >
            {t('documents.download')}
          </Button>
          {canRestore && (
            <ConfirmButton
              size="xs"
              variant="light"
              leftSection={<Icon name="restore" size={14} />}
              aria-label={t('documents.restoreVersion', { number: version.number })}
              title={t('documents.restoreVersionTitle', { number: version.number })}
              message={t('documents.restoreVersionText')}
              confirmLabel={t('documents.restore')}
              onConfirm={onRestore}
            >
              {t('documents.restore')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function NewVersionForm({ document }: { document: DocumentItem }) {
  const t = useT();
  const { locale } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [comment, setComment] = useState('');
  const [uploadId, setUploadId] = useState<string | null>(null);
  const uploads = useUploads();
  const upload = uploadId ? uploads.find((item) => item.id === uploadId) : undefined;
  const busy = upload?.status === 'queued' || upload?.status === 'uploading';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setUploadId(uploadNewVersion({ documentId: document.id, file, comment }));
    setFile(null);
    setComment('');
  };

  return (
    <Paper withBorder p="sm" bg="gray.0">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text fw={600} fz="sm">
            {t('documents.newVersion')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <FileButton onChange={setFile}>
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  size="xs"
                  leftSection={<Icon name="file" size={14} />}
                  style={{ flexShrink: 0 }}
                >
                  {t('documents.chooseFile')}
                </Button>
              )}
            </FileButton>
            <Text fz="sm" c={file ? undefined : 'dimmed'} truncate data-testid="chosen-file">
              {file ? `${file.name} (${formatBytes(file.size, locale)})` : t('documents.noFileChosen')}
            </Text>
          </Group>
          <TextInput
            label={t('documents.versionComment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={1000}
          />
          {upload && (
            <Stack gap={4}>
              <Progress
                value={
                  upload.size > 0 ? Math.round((upload.sent / upload.size) * 100) : upload.status === 'done' ? 100 : 0
                }
                aria-label={t('documents.uploadProgressOf', { name: upload.path })}
                color={upload.status === 'error' ? 'red' : upload.status === 'done' ? 'teal' : 'indigo'}
              />
              <Text
                fz="xs"
                c={upload.status === 'error' ? 'red.7' : 'dimmed'}
                role={upload.status === 'error' ? 'alert' : undefined}
              >
                {upload.status === 'error'
                  ? errorMessage(t, upload.error)
                  : upload.status === 'done'
                    ? t('documents.versionUploaded', { name: upload.path })
                    : t('documents.uploadingNamed', { name: upload.path })}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button type="submit" size="xs" disabled={!file || busy} leftSection={<Icon name="upload" size={14} />}>
              {t('documents.uploadVersion')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
