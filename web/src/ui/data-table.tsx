import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import classes from './ui.module.css';

export type Column<T> = {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Shown as the card's title on phones. */
  primary?: boolean;
  /** Action buttons: right-aligned on desktop, a row at the bottom of the card on phones. */
  actions?: boolean;
  hideOnMobile?: boolean;
  /** Short values (dates, badges) that must not wrap or be squeezed. */
  nowrap?: boolean;
};

type DataTableProps<T> = {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** `data-testid` of a row (or card), for lists where names alone are ambiguous. */
  rowTestId?: (row: T) => string;
};

/** A table on wide screens, a list of cards on phones (only one of the two is rendered). */
export function DataTable<T>({ label, columns, rows, rowKey, empty, rowTestId }: DataTableProps<T>) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (rows.length === 0 && empty) return <>{empty}</>;
  if (phone) return <CardList label={label} columns={columns} rows={rows} rowKey={rowKey} rowTestId={rowTestId} />;
  return (
    <div className={classes.tableWrap}>
      <Table aria-label={label} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.actions ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {column.actions ? (
                    // Many actions wrap onto another line rather than push the table wider than its frame.
                    <Group gap="xs" justify="flex-end">
                      {column.render(row)}
                    </Group>
                  ) : (
                    column.render(row)
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function CardList<T>({ label, columns, rows, rowKey, rowTestId }: Omit<DataTableProps<T>, 'empty'>) {
  const primary = columns.find((column) => column.primary) ?? columns[0];
  const actions = columns.filter((column) => column.actions);
  const details = columns.filter((column) => column !== primary && !column.actions && !column.hideOnMobile);
  return (
    <Stack gap="sm" role="list" aria-label={label}>
      {rows.map((row) => (
        <Card
          key={rowKey(row)}
          role="listitem"
          padding="md"
          radius="md"
          className={classes.mobileCard}
          data-testid={rowTestId?.(row)}
        >
          <div>{primary?.render(row)}</div>
          <Stack gap={4} mt="xs">
            {details.map((column) => (
              <Group key={column.key} gap="xs" wrap="nowrap" align="flex-start">
                <Text fz="xs" c="dimmed" w={110} style={{ flexShrink: 0 }}>
                  {column.header}
                </Text>
                <div style={{ minWidth: 0, fontSize: 'var(--mantine-font-size-sm)' }}>{column.render(row)}</div>
              </Group>
            ))}
          </Stack>
          {actions.length > 0 && (
            <Group gap="xs" mt="sm">
              {actions.map((column) => (
                <Group key={column.key} gap="xs">
                  {column.render(row)}
                </Group>
              ))}
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}
