import { PasswordInput, Progress, Stack } from '@mantine/core';
import { useT } from '../../../lib/i18n';

export const MIN_PASSWORD_LENGTH = 12;

/** 0 = too short, 1 = long enough, 2 = long and varied. The server has the last word (`identity.weak_password`). */
export function passwordStrength(password: string): 0 | 1 | 2 {
  if (password.length < MIN_PASSWORD_LENGTH) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return password.length >= 16 || kinds >= 3 ? 2 : 1;
}

const meter = (password: string, strength: 0 | 1 | 2) => {
  if (strength === 2) return 100;
  if (strength === 1) return 70;
  return Math.min(60, (password.length / MIN_PASSWORD_LENGTH) * 60);
};

type PasswordFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** For a password being chosen: shows the "at least 12 characters" hint and a meter. */
  withStrength?: boolean;
};

export function PasswordField({ label, value, onChange, withStrength = false }: PasswordFieldProps) {
  const t = useT();
  const strength = passwordStrength(value);
  const hints = [
    t('password.tooShort', { min: MIN_PASSWORD_LENGTH, count: value.length }),
    t('password.ok'),
    t('password.strong'),
  ];
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        autoComplete={withStrength ? 'new-password' : 'current-password'}
        required
        description={withStrength ? hints[strength] : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      {withStrength && (
        <Progress value={meter(value, strength)} color={strength === 0 ? 'orange' : 'teal'} size={4} aria-hidden />
      )}
    </Stack>
  );
}
