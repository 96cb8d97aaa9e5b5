import { Alert, List } from '@mantine/core';
import { ApiError } from '../lib/api';
import { type Translate, useT } from '../lib/i18n';
import { Icon } from './icons';

/** The translated message for any thrown error: `errors.<code>` for API errors, a generic one otherwise. */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) return t.dynamic(`errors.${error.code}`, 'errors.http.internal');
  return t('errors.unexpected');
}

type ErrorAlertProps = { error: unknown; title?: string };

export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const t = useT();
  if (!error) return null;
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" variant="light" title={title} icon={<Icon name="alert" />} role="alert">
      {errorMessage(t, error)}
      {fieldErrors.length > 0 && (
        <List size="sm" mt={4}>
          {fieldErrors.map((item) => (
            <List.Item key={`${item.path}:${item.message}`}>
              {item.path ? `${item.path}: ` : ''}
              {item.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
