import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { can } from '../../../lib/policy';
import { ConfirmButton } from '../../../ui/confirm-button';
import { FormError } from '../../../ui/form-error';
import { contentUrl } from '../../documents/documents.api';
import { CopyLink } from '../../shares/components/copy-link';
import { type DocumentRequest, itemColor, type RequestItem, useRequestsMutation } from '../requests.api';

const requestColor = { open: 'blue', complete: 'teal', cancelled: 'gray' } as const;

/** One request: recipient, due date, upload link, and each item with its files and the manager's decision. */
export function RequestCard({ request }: { request: DocumentRequest }) {
  const t = useT();
  const { locale } = useLocale();
  const cancel = useRequestsMutation('cancelDocumentRequest');
  const [rejecting, setRejecting] = useState<RequestItem | null>(null);
  const canReview = request.status !== 'cancelled' && can(request.abilities, 'request.review');
  return (
    <Paper withBorder p="sm" data-testid={`request-${request.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {request.title}
          </Text>
          <Badge color={requestColor[request.status]} variant="light" radius="sm">
            {t(`requests.status.${request.status}`)}
          </Badge>
        </Group>
        <Text fz="xs" c="dimmed">
          {[
            t('requests.to', { name: request.recipientName, email: request.recipientEmail }),
            t('requests.due', { date: formatDate(request.dueAt, locale) }),
            t('requests.into', { folder: request.folder.name || t('requests.destinationRoot') }),
          ].join(' · ')}
        </Text>
        {request.status === 'open' && <CopyLink url={request.url} label={t('requests.copyLink')} />}
        <Stack gap={6}>
          {request.items.map((item) => (
            <Paper key={item.id} withBorder p={8} radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Badge color={itemColor[item.status]} variant="light" radius="sm" size="sm">
                    {t(`requests.item.${item.status}`)}
                  </Badge>
                  <Text fz="sm" fw={500}>
                    {item.label}
                  </Text>
                </Group>
                {canReview && (item.status === 'received' || (item.status === 'rejected' && item.files.length > 0)) && (
                  <Group gap={4}>
                    <ReviewButton item={item} />
                    {item.status === 'received' && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setRejecting(item)}>
                        {t('requests.reject')}
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
              {item.comment && (
                <Text fz="xs" c="dimmed" mt={4}>
                  {item.comment}
                </Text>
              )}
              {item.files.map((file) => (
                <Text key={file.id} fz="xs" mt={2}>
                  {file.documentId ? (
                    <Anchor
                      href={contentUrl(file.documentId)}
                      download
                      aria-label={t('requests.openFile', { name: file.name })}
                    >
                      {file.name}
                    </Anchor>
                  ) : (
                    file.name
                  )}{' '}
                  · {formatDate(file.uploadedAt, locale)}
                </Text>
              ))}
            </Paper>
          ))}
        </Stack>
        {request.status === 'open' && can(request.abilities, 'request.cancel') && (
          <Group justify="flex-end">
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              title={t('requests.cancelTitle')}
              message={t('requests.cancelText')}
              confirmLabel={t('requests.cancel')}
              onConfirm={() => cancel.mutateAsync({ params: { id: request.id } })}
            >
              {t('requests.cancel')}
            </ConfirmButton>
          </Group>
        )}
      </Stack>
      {rejecting && <RejectModal item={rejecting} onClose={() => setRejecting(null)} />}
    </Paper>
  );
}

function ReviewButton({ item }: { item: RequestItem }) {
  const t = useT();
  const review = useRequestsMutation('reviewRequestItem');
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="teal"
      loading={review.isPending}
      onClick={() => review.mutate({ params: { id: item.id }, body: { decision: 'approve' } })}
    >
      {t('requests.approve')}
    </Button>
  );
}

function RejectModal({ item, onClose }: { item: RequestItem; onClose: () => void }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const review = useRequestsMutation('reviewRequestItem');
  const submit = async () => {
    const done = await review
      .mutateAsync({ params: { id: item.id }, body: { decision: 'reject', comment: comment.trim() } })
      .catch(() => null);
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('requests.rejectTitle', { name: item.label })} centered>
      <Stack>
        <Textarea
          label={t('requests.rejectComment')}
          autosize
          minRows={3}
          required
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-autofocus
        />
        <FormError error={review.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={review.isPending} disabled={!comment.trim()} onClick={submit}>
            {t('requests.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
