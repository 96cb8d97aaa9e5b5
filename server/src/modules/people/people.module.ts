import { defineModule } from '../../core/module';
import { peopleGlobalRules } from '../../core/policy/rules/global.rules';
import { personRules } from '../../core/policy/rules/people.rules';
import { registerPeopleRoutes } from './people.routes';

/** People of every organization: invited, active, disabled; managed by admins and partner admins. */
export const peopleModule = defineModule({
  name: 'people',
  tables: {},
  routes: registerPeopleRoutes,
  fixtures: () => import('./people.test-fixtures').then((fixtures) => fixtures.peopleRouteFixtures),
  policy: {
    person: { read: 'person.read', rules: personRules },
    global: { read: null, rules: peopleGlobalRules },
  },
});
