import { defineModule } from '../../core/module';
import { spaceGlobalRules } from '../../core/policy/rules/global.rules';
import { spaceRules } from '../../core/policy/rules/spaces.rules';
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
  policy: {
    space: { read: 'space.read', rules: spaceRules },
    global: { read: null, rules: spaceGlobalRules },
  },
});
