import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { spaceGlobalRules, spaceOrganizationRules, spaceRules } from '../../core/policy/rules/spaces.rules';
import * as m0012 from './migrations/0012-space-capabilities';
import { registerSpacesRoutes } from './spaces.routes';
import { spaceSearchSource } from './spaces.search';
import type { SpaceCapabilitiesTable, SpaceMembersTable, SpacesTable } from './spaces.tables';

/** Spaces and their members (people or whole organizations, with a role). */
export const spacesModule = defineModule<{
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
  space_capabilities: SpaceCapabilitiesTable;
}>({
  name: 'spaces',
  tables: { spaces: true, space_members: true, space_capabilities: true },
  migrations: { '0012-space-capabilities': m0012 },
  routes: registerSpacesRoutes,
  searchSources: [spaceSearchSource],
  fixtures: () => import('./spaces.test-fixtures').then((fixtures) => fixtures.spacesRouteFixtures),
  policy: modulePolicy<'spaces'>()({
    space: { read: 'space.read', rules: spaceRules },
    space_organization: { read: 'space.read', rules: spaceOrganizationRules },
    global: { read: null, rules: spaceGlobalRules },
  }),
});
