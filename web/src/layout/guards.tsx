import { Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useT } from '../lib/i18n';
import { type Ability, can } from '../lib/policy';
import { sessionEndReason, useOptionalMe } from '../lib/session';
import { ErrorAlert } from '../ui/error-alert';
import { NotFoundPage } from './not-found.page';
import { PublicLayout } from './public-layout';

export const TWO_FACTOR_SETUP_PATH = '/two-factor-setup';

export type LoginState = { from?: string; sessionEnded?: boolean; notice?: 'passwordReset' | 'accountReady' };

export function FullPageLoader() {
  const t = useT();
  return (
    <Center h="60vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** The signed-in area: anonymous visitors go to /login; people who must set up 2FA go there first. */
export function RequireAuth() {
  const me = useOptionalMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <SessionCheckFailed error={me.error} retry={() => me.refetch()} />;
  if (!me.data) {
    const reason = sessionEndReason();
    // After "Sign out" the next person to sign in on this browser starts from home, not from the last page.
    const state: LoginState =
      reason === 'signedOut' ? {} : { from: location.pathname + location.search, sessionEnded: reason === 'ended' };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data.twoFactorSetupRequired && location.pathname !== TWO_FACTOR_SETUP_PATH) {
    return <Navigate to={TWO_FACTOR_SETUP_PATH} replace />;
  }
  return <Outlet />;
}

/** The server could not say who is signed in (down, unreachable): say so and offer to try again. */
function SessionCheckFailed({ error, retry }: { error: unknown; retry: () => unknown }) {
  const t = useT();
  return (
    <PublicLayout>
      <Stack>
        <ErrorAlert error={error} />
        <Button onClick={retry}>{t('common.retry')}</Button>
      </Stack>
    </PublicLayout>
  );
}

/** Pages for anonymous visitors only (sign-in, forgotten password): a signed-in person goes home. */
export function AnonymousOnly({ children }: { children: ReactNode }) {
  const me = useOptionalMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.data) {
    const from = (location.state as LoginState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  return <>{children}</>;
}

/** Admin pages: without the ability the page does not exist for this person. */
export function RequireAbility({ ability }: { ability: Ability }) {
  const me = useOptionalMe();
  if (!can(me.data?.abilities, ability)) return <NotFoundPage />;
  return <Outlet />;
}
