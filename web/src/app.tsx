import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ForcedTwoFactorPage } from './features/identity/forced-two-factor.page';
import { ForgotPasswordPage } from './features/identity/forgot-password.page';
import { InvitationPage } from './features/identity/invitation.page';
import { LoginPage } from './features/identity/login.page';
import { ResetPasswordPage } from './features/identity/reset-password.page';
import { SetupPage } from './features/identity/setup.page';
import { SpacePage } from './features/spaces/space.page';
import { SpacesPage } from './features/spaces/spaces.page';
import { AppLayout } from './layout/app-layout';
import { AnonymousOnly, FullPageLoader, RequireAbility, RequireAuth, TWO_FACTOR_SETUP_PATH } from './layout/guards';
import { NotFoundPage } from './layout/not-found.page';
import { PublicLayout } from './layout/public-layout';
import { RouteError } from './layout/route-error';
import { setUnauthorizedHandler } from './lib/api';
import { I18nProvider } from './lib/i18n';
import { queryClient } from './lib/query';
import { forgetSession } from './lib/session';
import { theme } from './theme';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            path: '/login',
            element: (
              <AnonymousOnly>
                <LoginPage />
              </AnonymousOnly>
            ),
          },
          {
            path: '/forgot-password',
            element: (
              <AnonymousOnly>
                <ForgotPasswordPage />
              </AnonymousOnly>
            ),
          },
          { path: '/reset-password/:token', element: <ResetPasswordPage /> },
          { path: '/invite/:token', element: <InvitationPage /> },
          { path: '/setup/:token', element: <SetupPage /> },
        ],
      },
      // Share links and document requests: people without an account, signed in or not.
      {
        path: '/s/:token',
        lazy: () => import('./features/shares/public/share.page').then((m) => ({ Component: m.SharePage })),
      },
      {
        path: '/r/:token',
        lazy: () => import('./features/requests/public/request.page').then((m) => ({ Component: m.RequestPage })),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: TWO_FACTOR_SETUP_PATH,
            element: (
              <PublicLayout>
                <ForcedTwoFactorPage />
              </PublicLayout>
            ),
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <SpacesPage /> },
              { path: '/spaces/:id', element: <SpacePage /> },
              {
                path: '/account',
                lazy: () => import('./features/identity/account.page').then((m) => ({ Component: m.AccountPage })),
              },
              {
                element: <RequireAbility ability="admin.organizations" />,
                children: [
                  {
                    path: '/admin/organizations',
                    lazy: () =>
                      import('./features/admin/organizations.page').then((m) => ({ Component: m.OrganizationsPage })),
                  },
                  {
                    path: '/admin/organizations/:id',
                    lazy: () =>
                      import('./features/admin/organization.page').then((m) => ({ Component: m.OrganizationPage })),
                  },
                ],
              },
              {
                element: <RequireAbility ability="admin.people" />,
                children: [
                  {
                    path: '/admin/people',
                    lazy: () => import('./features/admin/people.page').then((m) => ({ Component: m.PeoplePage })),
                  },
                ],
              },
              {
                element: <RequireAbility ability="admin.spaces" />,
                children: [
                  {
                    path: '/admin/spaces',
                    lazy: () => import('./features/admin/spaces.page').then((m) => ({ Component: m.AdminSpacesPage })),
                  },
                ],
              },
              {
                element: <RequireAbility ability="admin.audit" />,
                children: [
                  {
                    path: '/admin/audit',
                    lazy: () => import('./features/admin/audit.page').then((m) => ({ Component: m.AuditPage })),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

// A 401 on a signed-in call means the server ended the session (sign-out elsewhere, disabled person or
// organization, expiry): forget it locally; the sign-in guard then shows /login with "Your session has ended".
setUnauthorizedHandler(() => forgetSession('ended'));

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const getStyleNonce = () => nonce;
// Modals lock scrolling through react-remove-scroll, whose <style> tag takes its nonce from this global
// (the `get-nonce` convention); without it the strict CSP blocks that style.
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

export function App() {
  return (
    <I18nProvider>
      <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={getStyleNonce}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>
  );
}
