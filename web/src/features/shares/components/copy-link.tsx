import { ActionIcon, CopyButton, Group, TextInput, Tooltip } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';

/** The address, selectable, with a copy button that says when it worked. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        label={label}
        value={url}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(event) => event.currentTarget.select()}
        data-testid="share-url"
      />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('shares.copied') : t('shares.copy')} withArrow>
            <ActionIcon
              size={36}
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={copied ? t('shares.copied') : t('shares.copy')}
            >
              <Icon name={copied ? 'check' : 'copy'} size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
