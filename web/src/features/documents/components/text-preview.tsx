import { Alert, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, fallbackCode } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { contentUrl } from '../documents.api';
import classes from '../documents.module.css';

/** The first half megabyte is plenty to recognise a text file, and keeps the page responsive for huge logs. */
const PREVIEW_BYTES = 512 * 1024;

async function fetchText(url: string) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Range: `bytes=0-${PREVIEW_BYTES - 1}` },
  });
  if (!response.ok) {
    throw new ApiError({ status: response.status, code: fallbackCode(response.status), title: response.statusText });
  }
  const total = Number(response.headers.get('Content-Range')?.split('/')[1] ?? Number.NaN);
  return { text: await response.text(), truncated: response.status === 206 && total > PREVIEW_BYTES };
}

/** The beginning of a version's text, and whether there is more. */
export const useDocumentText = (documentId: string, version: number) =>
  useQuery({
    queryKey: ['documentText', documentId, version],
    queryFn: () => fetchText(contentUrl(documentId, { version })),
  });

/** Shown above a preview that does not show the whole file. */
export function TruncatedNotice() {
  const t = useT();
  return (
    <Alert color="blue" variant="light">
      {t('documents.previewTruncated')}
    </Alert>
  );
}

/** Text, Markdown source, CSV and JSON, shown as they are written: in a <pre>, never interpreted as HTML. */
export function TextPreview({ documentId, version }: { documentId: string; version: number }) {
  const t = useT();
  const query = useDocumentText(documentId, version);
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="xs">
      {query.data.truncated && <TruncatedNotice />}
      <TextBlock text={query.data.text} />
    </Stack>
  );
}

export function TextBlock({ text }: { text: string }) {
  return (
    <pre className={classes.textPreview} data-testid="text-preview">
      {text}
    </pre>
  );
}
