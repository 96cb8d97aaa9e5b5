import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { apiTokenRules, sessionRules } from '../../core/policy/rules/own-rows.rules';
import { identitySettings } from './identity.config';
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
  config: { settings: identitySettings },
  tables: { users: true, recovery_codes: true, one_time_tokens: true, login_failures: true },
  routes: registerIdentityRoutes,
  policy: modulePolicy<'identity'>()({
    session: { read: 'session.read', rules: sessionRules },
    api_token: { read: 'api_token.read', rules: apiTokenRules },
  }),
  fixtures: () => import('./identity.test-fixtures').then((fixtures) => fixtures.identityRouteFixtures),
});
