import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { type ChangeEvent, useRef, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { errorMessage } from '../../../ui/error-alert';
import { Icon } from '../../../ui/icons';
import { sendUpload } from '../../documents/uploads/upload-transport';
import { itemColor, type PublicRequest, type RequestItem, requestUploadUrl } from '../requests.api';

let transferCount = 0;

type Transfer = { key: string; name: string; size: number; sent: number; error: unknown };

/** One expected document: its state, the manager's comment after a rejection, what was sent, and upload buttons. */
export function RequestItemRow(props: {
  token: string;
  item: RequestItem;
  open: boolean;
  onUploaded: (request: PublicRequest) => void;
}) {
  const { token, item, open, onUploaded } = props;
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const update = (key: string, change: Partial<Transfer>) =>
    setTransfers((list) => list.map((transfer) => (transfer.key === key ? { ...transfer, ...change } : transfer)));

  const upload = async (file: File) => {
    transferCount += 1;
    const key = `${transferCount}:${file.name}`;
    setTransfers((list) => [...list, { key, name: file.name, size: file.size, sent: 0, error: null }]);
    const handle = sendUpload<PublicRequest>({
      url: requestUploadUrl(token, item.id),
      fields: {},
      file,
      onProgress: (sent) => update(key, { sent }),
    });
    try {
      onUploaded(await handle.result);
      setTransfers((list) => list.filter((transfer) => transfer.key !== key));
    } catch (error) {
      update(key, { error });
    }
  };
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    for (const file of Array.from(event.currentTarget.files ?? [])) void upload(file);
    event.currentTarget.value = '';
  };
  const canUpload = open && item.status !== 'approved';

  return (
    <Paper withBorder p="sm" data-testid={`request-item-${item.label}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.label}
          </Text>
          <Badge color={itemColor[item.status]} variant="light" radius="sm">
            {t(`requests.item.${item.status}`)}
          </Badge>
        </Group>
        {item.status === 'rejected' && item.comment && (
          <Alert color="red" variant="light" p="xs" icon={<Icon name="alert" size={16} />}>
            {t('requestPage.rejectedBecause', { comment: item.comment })}
          </Alert>
        )}
        {item.files.map((file) => (
          <Text key={file.id} fz="sm" c="dimmed">
            <Icon name="check" size={14} /> {t('requestPage.sent', { name: file.name })}
          </Text>
        ))}
        {transfers.map((transfer) => (
          <Stack key={transfer.key} gap={2}>
            <Text fz="xs">{transfer.name}</Text>
            {transfer.error ? (
              <Text fz="xs" c="red.7" role="alert">
                {t('requestPage.uploadFailed', { name: transfer.name })} {errorMessage(t, transfer.error)}
              </Text>
            ) : (
              <Progress
                value={transfer.size ? (transfer.sent / transfer.size) * 100 : 100}
                animated
                aria-label={transfer.name}
              />
            )}
          </Stack>
        ))}
        {canUpload && (
          <Group>
            <input ref={input} type="file" multiple hidden onChange={picked} data-testid={`upload-${item.id}`} />
            <Button
              size="sm"
              variant={item.files.length > 0 ? 'default' : 'filled'}
              leftSection={<Icon name="upload" size={16} />}
              onClick={() => input.current?.click()}
              aria-label={t('requestPage.uploadFor', { name: item.label })}
            >
              {item.status === 'rejected' ? t('requestPage.uploadAgain') : t('requestPage.upload')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
