import { Text } from '@mantine/core';
import { useT } from '../lib/i18n';
import { errorMessage } from './error-alert';

/** A compact, announced error line under a form's submit button. */
export function FormError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <Text c="red.7" fz="sm" role="alert" data-testid="form-error">
      {errorMessage(t, error)}
    </Text>
  );
}
