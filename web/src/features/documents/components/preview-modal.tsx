import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatBytes } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { EmptyState } from '../../../ui/empty-state';
import { Icon } from '../../../ui/icons';
import { contentUrl, type DocumentItem } from '../documents.api';
import classes from '../documents.module.css';
import { previewKind } from '../file-kinds';
import { MarkdownPreview } from './markdown-preview';
import { PdfViewer } from './pdf-viewer';
import { TextPreview } from './text-preview';

/** Shows a document in the page: images, PDF, Markdown, text, audio and video; a download for anything else. */
export function PreviewModal({ document, onClose }: { document: DocumentItem; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const kind = previewKind(document.mimeType);
  // The version listed is the one shown, even if someone uploads another while the preview is open.
  const inline = contentUrl(document.id, { inline: true, version: document.version });
  const download = (
    <Button
      component="a"
      href={contentUrl(document.id)}
      download
      variant="light"
      size="xs"
      leftSection={<Icon name="download" size={14} />}
    >
      {t('documents.download')}
    </Button>
  );

  return (
    <Modal opened onClose={onClose} title={document.name} size="xl" fullScreen={phone} centered>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fz="xs" c="dimmed">
            {t('documents.previewFacts', {
              version: document.version,
              size: formatBytes(document.size, locale),
            })}
          </Text>
          {kind !== 'none' && download}
        </Group>
        {kind === 'image' && <img className={classes.media} src={inline} alt={document.name} />}
        {kind === 'pdf' && <PdfViewer url={inline} />}
        {kind === 'markdown' && <MarkdownPreview documentId={document.id} version={document.version} />}
        {kind === 'text' && <TextPreview documentId={document.id} version={document.version} />}
        {kind === 'audio' && (
          // biome-ignore lint/a11y/useMediaCaption: documents shared by people rarely come with captions to offer.
          <audio className={classes.media} controls preload="metadata" src={inline} aria-label={document.name} />
        )}
        {kind === 'video' && (
          // biome-ignore lint/a11y/useMediaCaption: documents shared by people rarely come with captions to offer.
          <video className={classes.media} controls preload="metadata" src={inline} aria-label={document.name} />
        )}
        {kind === 'none' && (
          <EmptyState
            icon="file"
            title={t('documents.noPreview')}
            text={t('documents.noPreviewText')}
            action={download}
          />
        )}
      </Stack>
    </Modal>
  );
}
