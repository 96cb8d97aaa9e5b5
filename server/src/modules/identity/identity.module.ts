import { defineModule } from '../../core/module';
import { registerIdentityRoutes } from './identity.routes';
import type { LoginFailuresTable, OneTimeTokensTable, RecoveryCodesTable, UsersTable } from './identity.tables';

/** Accounts, sign-in, sessions, two-factor authentication, invitations and password resets. */
export const identityModule = defineModule<{
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  one_time_tokens: OneTimeTokensTable;
  login_failures: LoginFailuresTable;
}>({
  name: 'identity',
  tables: { users: true, recovery_codes: true, one_time_tokens: true, login_failures: true },
  routes: registerIdentityRoutes,
  fixtures: () => import('./identity.test-fixtures').then((fixtures) => fixtures.identityRouteFixtures),
});
