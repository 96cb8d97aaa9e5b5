import { Button, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../layout/sign-out';
import { useT } from '../../lib/i18n';
import { refreshMe } from '../../lib/session';
import { TotpSetupFlow } from './components/totp-setup-flow';

/** Policy requires 2FA of this person: nothing else is reachable until it is set up. */
export function ForcedTwoFactorPage() {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const done = async () => {
    await refreshMe();
    navigate('/', { replace: true });
  };

  return (
    <Stack>
      <div>
        <Title order={1} fz={24}>
          {t('forcedTotp.title')}
        </Title>
        <Text c="dimmed" fz="sm" mt={4}>
          {t('forcedTotp.text')}
        </Text>
      </div>
      <TotpSetupFlow onDone={done} />
      <Button variant="subtle" color="gray" onClick={signOut}>
        {t('layout.signOut')}
      </Button>
    </Stack>
  );
}
