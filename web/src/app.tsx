import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { featureRoutes } from './features';
import { AppLayout } from './layout/app-layout';
import { FullPageLoader, RequireAuth } from './layout/guards';
import { NotFoundPage } from './layout/not-found.page';
import { PublicLayout } from './layout/public-layout';
import { RouteError } from './layout/route-error';
import { setUnauthorizedHandler } from './lib/api';
import { I18nProvider } from './lib/i18n';
import { queryClient } from './lib/query';
import { forgetSession } from './lib/session';
import { cssVariablesResolver, useLocalizedTheme } from './theme';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { element: <PublicLayout />, children: featureRoutes('public') },
      // Share links and document requests: people without an account, signed in or not.
      ...featureRoutes('standalone'),
      {
        element: <RequireAuth />,
        children: [
          ...featureRoutes('signedInBare'),
          {
            element: <AppLayout />,
            children: [...featureRoutes('app'), { path: '*', element: <NotFoundPage /> }],
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

function ThemedApp() {
  return (
    <MantineProvider
      theme={useLocalizedTheme()}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      getStyleNonce={getStyleNonce}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ThemedApp />
    </I18nProvider>
  );
}
