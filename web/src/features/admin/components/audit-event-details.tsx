import type { AuditEvent } from '@gatehouse/contracts';
import { Button, Code, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import classes from '../../../ui/ui.module.css';
import { auditActionLabel } from '../audit-actions';

/** The raw details of one audit event, as recorded, in a popover so the table stays compact. */
export function AuditEventDetails({ event }: { event: AuditEvent }) {
  const t = useT();
  const { locale } = useLocale();
  if (Object.keys(event.details).length === 0) return '—';
  const vars = { action: auditActionLabel(t, event), date: formatDateTime(event.at, locale) };
  const heading = t('audit.detailsOf', vars);
  return (
    <Popover position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button size="compact-xs" variant="light" color="gray" aria-label={t('audit.showDetailsOf', vars)}>
          {t('audit.showDetails')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown w={420} maw="calc(100vw - 32px)" aria-label={heading}>
        <Stack gap="xs">
          <Text fz="sm" fw={600}>
            {heading}
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Code block fz="xs" className={classes.code}>
              {JSON.stringify(event.details, null, 2)}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
