import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { organizationPeopleRules, peopleGlobalRules, personRules } from '../../core/policy/rules/people.rules';
import { registerPeopleRoutes } from './people.routes';

/** People of every organization: invited, active, disabled; managed by admins and partner admins. */
export const peopleModule = defineModule({
  name: 'people',
  tables: {},
  routes: registerPeopleRoutes,
  fixtures: () => import('./people.test-fixtures').then((fixtures) => fixtures.peopleRouteFixtures),
  policy: modulePolicy<'people'>()({
    person: { read: 'person.read', rules: personRules },
    organization: { read: null, rules: organizationPeopleRules },
    global: { read: null, rules: peopleGlobalRules },
  }),
});
