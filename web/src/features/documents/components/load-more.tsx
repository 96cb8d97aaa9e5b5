import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useLocale, useT } from '../../../lib/i18n';

/**
 * The end of a paged listing: the next page loads by itself when this comes into view (scrolling down a long folder
 * just continues), and the button does the same for keyboards, screen readers and browsers without the observer.
 */
export function LoadMore(props: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, onMore } = props;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, onMore]);
  if (!hasMore) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <Group ref={sentinel} justify="center" gap="sm" data-testid="load-more">
      <Text size="sm" c="dimmed">
        {t('documents.shownOf', { shown: number.format(props.shown), total: number.format(props.total) })}
      </Text>
      <Button variant="light" size="xs" loading={props.loading} onClick={onMore}>
        {t('documents.showMore')}
      </Button>
    </Group>
  );
}
