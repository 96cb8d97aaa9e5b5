import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../lib/i18n';
import { EmptyState } from '../ui/empty-state';

export function NotFoundPage() {
  const t = useT();
  return (
    <EmptyState
      icon="search"
      title={t('notFound.title')}
      text={t('notFound.text')}
      action={
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
