import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { organizationGlobalRules, organizationRules } from '../../core/policy/rules/organizations.rules';
import { registerOrganizationsRoutes } from './organizations.routes';
import type { OrganizationsTable } from './organizations.tables';

/** The host organization and the partner organizations it lets in. */
export const organizationsModule = defineModule<{ organizations: OrganizationsTable }>({
  name: 'organizations',
  tables: { organizations: true },
  routes: registerOrganizationsRoutes,
  fixtures: () => import('./organizations.test-fixtures').then((fixtures) => fixtures.organizationsRouteFixtures),
  policy: modulePolicy<'organizations'>()({
    organization: { read: 'organization.read', rules: organizationRules },
    global: { read: null, rules: organizationGlobalRules },
  }),
});
