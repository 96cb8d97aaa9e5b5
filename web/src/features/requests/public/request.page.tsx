import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { routeKey, useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { PublicFrame } from '../../shares/public/public-frame';
import type { PublicRequest } from '../requests.api';
import { RequestItemRow } from './request-item-row';

/** `/r/:token`: the recipient of a document request sees its items and uploads against each. */
export function RequestPage() {
  return (
    <PublicFrame>
      <RequestContent />
    </PublicFrame>
  );
}

function RequestContent() {
  const t = useT();
  const { locale } = useLocale();
  const { token = '' } = useParams();
  const client = useQueryClient();
  const input = { params: { token } } as const;
  const request = useApiQuery('getPublicRequest', input, { retry: false });
  const uploaded = (next: PublicRequest) => client.setQueryData(routeKey('getPublicRequest', input), next);

  if (request.isPending) return <Loader aria-label={t('common.loading')} />;
  if (request.isError) {
    const closed = isApiError(request.error, 'requests.closed', 'http.not_found', 'http.validation_failed');
    if (!closed) return <ErrorAlert error={request.error} />;
    return (
      <Stack>
        <Title order={1} fz={22}>
          {t('requestPage.closedTitle')}
        </Title>
        <Text c="dimmed">{t('requestPage.closedText')}</Text>
      </Stack>
    );
  }
  const data = request.data;
  const open = data.status === 'open';
  return (
    <Stack>
      <div>
        <Title order={1} fz={22}>
          {t('requestPage.title', { name: data.requestedBy })}
        </Title>
        <Text fw={500} mt={4}>
          {data.title}
        </Text>
      </div>
      <Text>{t('requestPage.greeting', { name: data.recipientName })}</Text>
      {data.message && <Text style={{ whiteSpace: 'pre-wrap' }}>{data.message}</Text>}
      <Text fz="sm" c="dimmed">
        {t('requestPage.due', { date: formatDate(data.dueAt, locale) })}
      </Text>
      {data.status === 'complete' && (
        <Alert color="teal" variant="light" icon={<Icon name="check" />}>
          {t('requestPage.complete')}
        </Alert>
      )}
      <Stack gap="sm">
        {data.items.map((item) => (
          <RequestItemRow key={item.id} token={token} item={item} open={open} onUploaded={uploaded} />
        ))}
      </Stack>
    </Stack>
  );
}
