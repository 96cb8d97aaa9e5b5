import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { ErrorAlert, errorMessage } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { PublicFrame } from './public-frame';
import { EmailStep, PasswordStep } from './share-steps';
import { SharedFileCard, SharedFolder } from './shared-content';

const once = { retry: false, refetchOnWindowFocus: true } as const;

/** `/s/:token`: what someone without an account sees through a share link. */
export function SharePage() {
  return (
    <PublicFrame>
      <ShareContent />
    </PublicFrame>
  );
}

function ShareContent() {
  const t = useT();
  const { locale } = useLocale();
  const { token = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const folderId = search.get('folder');
  const view = useApiQuery('getShare', { params: { token } }, once);
  const unlocked = view.data && !view.data.locked && view.data.kind === 'folder';
  const sub = useApiQuery(
    'getShareFolder',
    { params: { token, id: folderId ?? '' } },
    { ...once, enabled: Boolean(unlocked && folderId) },
  );

  if (view.isPending) return <Loader aria-label={t('common.loading')} />;
  if (view.isError) return <LinkProblem error={view.error} />;
  const data = view.data;
  const refresh = () => view.refetch();
  if (data.needsPassword) return <PasswordStep token={token} onDone={refresh} />;
  if (data.needsEmail) return <EmailStep token={token} onDone={refresh} />;
  const open = (id: string | null) => setSearch(id ? { folder: id } : {});
  const listing = folderId ? sub.data : data.listing;

  return (
    <Stack>
      <Group gap="xs" c="dimmed" fz="sm" wrap="wrap">
        <Text fz="sm" c="dimmed">
          {t('shareLink.title')} · {t('shareLink.expires', { date: formatDate(data.expiresAt, locale) })}
          {data.downloadsLeft !== null && ` · ${t('shareLink.downloadsLeft', { count: data.downloadsLeft })}`}
        </Text>
        {data.verifiedEmail && (
          <Text fz="sm" c="teal.7">
            <Icon name="check" size={14} /> {t('shareLink.verifiedAs', { email: data.verifiedEmail })}
          </Text>
        )}
      </Group>
      {data.document && <SharedFileCard token={token} file={data.document} />}
      {folderId && sub.isError && <ErrorAlert error={sub.error} />}
      {folderId && sub.isPending && <Loader aria-label={t('common.loading')} />}
      {listing && <SharedFolder token={token} listing={listing} onOpen={open} />}
    </Stack>
  );
}

/** A link that does not work: unknown (404), or expired, revoked, used up (410) — said plainly. */
function LinkProblem({ error }: { error: unknown }) {
  const t = useT();
  const unknown = isApiError(error, 'http.not_found', 'http.validation_failed');
  const gone = isApiError(error, 'shares.link_expired', 'shares.link_revoked', 'shares.download_limit_reached');
  if (!unknown && !gone) return <ErrorAlert error={error} />;
  return (
    <Stack>
      <Title order={1} fz={22}>
        {unknown ? t('shareLink.notFoundTitle') : t('shareLink.goneTitle')}
      </Title>
      <Text c="dimmed">{unknown ? t('shareLink.notFoundText') : errorMessage(t, error)}</Text>
    </Stack>
  );
}
