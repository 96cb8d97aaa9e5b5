import { AnonymousOnly, TWO_FACTOR_SETUP_PATH } from '../../layout/guards';
import { PublicLayout } from '../../layout/public-layout';
import { defineFeature, lazyPage } from '../feature';
import { ForcedTwoFactorPage } from './forced-two-factor.page';
import { ForgotPasswordPage } from './forgot-password.page';
import { identityEn } from './identity.locale.en';
import { identityFr } from './identity.locale.fr';
import { InvitationPage } from './invitation.page';
import { LoginPage } from './login.page';
import { ResetPasswordPage } from './reset-password.page';
import { SetupPage } from './setup.page';

/** Signing in, invitations, first setup, and the person's own account. */
export const identityFeature = defineFeature({
  id: 'identity',
  routes: {
    public: [
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
    signedInBare: [
      {
        path: TWO_FACTOR_SETUP_PATH,
        element: (
          <PublicLayout>
            <ForcedTwoFactorPage />
          </PublicLayout>
        ),
      },
    ],
    app: [{ path: '/account', lazy: lazyPage(() => import('./account.page'), 'AccountPage') }],
  },
  nav: [{ to: '/account', labelKey: 'nav.account', icon: 'user', order: 90 }],
  locale: { en: identityEn, fr: identityFr },
});
