import type { SearchResult } from '@gatehouse/contracts';
import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import { searchKindEntries } from '../../../features';
import { formatDate } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import classes from '../search.module.css';
import { resultHref } from '../search-params';
import { snippetParts } from '../snippet';

/** One hit: what it is, its title (the link), where it is, when it last changed, and the words that matched. */
export function SearchResultItem({ result }: { result: SearchResult }) {
  const t = useT();
  const { locale } = useLocale();
  const href = resultHref(result);
  const entry = searchKindEntries.find((candidate) => candidate.kind === result.kind);
  const look = entry?.look(result) ?? { icon: 'file', color: 'gray.6' };
  const parts = snippetParts(result.snippet);

  return (
    <Paper component="li" withBorder p="md" className={classes.result} data-testid="search-result">
      <ThemeIcon variant="light" color={look.color} size={36} radius="md" aria-hidden>
        <Icon name={look.icon} size={20} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          {href ? (
            <Anchor component={Link} to={href} className={classes.resultLink}>
              {result.title}
            </Anchor>
          ) : (
            <Text className={classes.resultLink}>{result.title}</Text>
          )}
          <Badge variant="light" color="gray" radius="sm" size="sm">
            {t(entry?.labelKey ?? 'search.otherKind')}
          </Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {[
            result.kind !== 'space' && result.space?.name,
            t('search.updated', { date: formatDate(result.updatedAt, locale) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {parts.length > 0 && (
          <Text fz="sm" className={classes.snippet} data-testid="search-snippet">
            {parts.map((part, index) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
              part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
            )}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
