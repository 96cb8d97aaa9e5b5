import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import classes from '../../../ui/ui.module.css';

/** Recovery codes are shown once: offer copy and download, and let the person say they saved them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT();
  const clipboard = useClipboard({ timeout: 2000 });
  const text = codes.join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('recovery.fileHeader')}\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'gatehouse-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Stack>
      <Alert color="orange" icon={<Icon name="alert" />} title={t('recovery.title')}>
        {t('recovery.text')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes" aria-label={t('recovery.listLabel')} role="list">
        {codes.map((code) => (
          <Text key={code} className={classes.code} fz="sm" role="listitem">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<Icon name={clipboard.copied ? 'check' : 'copy'} size={16} />}
          onClick={() => clipboard.copy(text)}
        >
          {clipboard.copied ? t('common.copied') : t('recovery.copy')}
        </Button>
        <Button variant="default" leftSection={<Icon name="download" size={16} />} onClick={download}>
          {t('recovery.download')}
        </Button>
      </Group>
      <Button onClick={onDone}>{t('recovery.done')}</Button>
    </Stack>
  );
}
