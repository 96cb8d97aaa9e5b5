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

/** Text, Markdown, CSV and JSON, shown as they are written: in a <pre>, never interpreted as HTML. */
export function TextPreview({ documentId, version }: { documentId: string; version: number }) {
  const t = useT();
  const query = useQuery({
    queryKey: ['documentText', documentId, version],
    queryFn: () => fetchText(contentUrl(documentId, { version })),
  });
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="xs">
      {query.data.truncated && (
        <Alert color="blue" variant="light">
          {t('documents.previewTruncated')}
        </Alert>
      )}
      <pre className={classes.textPreview} data-testid="text-preview">
        {query.data.text}
      </pre>
    </Stack>
  );
}
