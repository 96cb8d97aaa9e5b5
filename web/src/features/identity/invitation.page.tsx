import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FullPageLoader, type LoginState } from '../../layout/guards';
import { isApiError } from '../../lib/api';
import { useApiMutation, useApiQuery } from '../../lib/hooks';
import { useT } from '../../lib/i18n';
import { refreshMe } from '../../lib/session';
import { ErrorAlert } from '../../ui/error-alert';
import { FormError } from '../../ui/form-error';
import { Icon } from '../../ui/icons';
import { PasswordField } from './components/password-field';

export function InvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useApiQuery(
    'getInvitation',
    { params: { token } },
    { retry: false, staleTime: Number.POSITIVE_INFINITY },
  );
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const accept = useApiMutation('acceptInvitation', {
    onSuccess: async () => {
      // Depending on the server, accepting may or may not open a session: follow whichever happened.
      const me = await refreshMe().catch(() => null);
      if (me) navigate('/', { replace: true });
      else navigate('/login', { replace: true, state: { notice: 'accountReady' } satisfies LoginState });
    },
  });

  if (invitation.isPending) return <FullPageLoader />;
  if (invitation.isError) {
    const invalid = isApiError(invitation.error, 'identity.invalid_token', 'http.not_found');
    return (
      <Stack>
        <Title order={1} fz={24}>
          {t('invite.invalidTitle')}
        </Title>
        {invalid ? <Text c="dimmed">{t('invite.invalidText')}</Text> : <ErrorAlert error={invitation.error} />}
        <Anchor component={Link} to="/login" fz="sm">
          {t('invite.goToLogin')}
        </Anchor>
      </Stack>
    );
  }

  const info = invitation.data;
  const currentName = name ?? info.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ params: { token }, body: { password, name: currentName.trim() || undefined } });
  };
  const who = info.invitedBy
    ? t('invite.byPerson', { person: info.invitedBy, organization: info.organizationName })
    : t('invite.byOrganization', { organization: info.organizationName });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Title order={1} fz={24}>
            {t('invite.title')}
          </Title>
          <Text mt="xs" data-testid="invitation-summary">
            {who}
            {info.spaceName ? ` ${t('invite.inSpace', { space: info.spaceName })}` : ''}
          </Text>
        </div>
        <Alert variant="light" color="indigo" icon={<Icon name="mail" />}>
          {t('invite.accountFor', { email: info.email })}
        </Alert>
        <TextInput
          label={t('invite.name')}
          autoComplete="name"
          value={currentName}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <PasswordField label={t('invite.password')} value={password} onChange={setPassword} withStrength />
        <FormError error={accept.error} />
        <Button type="submit" loading={accept.isPending} fullWidth size="md">
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
