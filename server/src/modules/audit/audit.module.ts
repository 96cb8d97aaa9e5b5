import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { auditGlobalRules } from '../../core/policy/rules/audit.rules';
import { registerAuditRoutes } from './audit.routes';

/** The admin view of the audit trail (the trail itself is core/audit): browse, filter, export. */
export const auditModule = defineModule({
  name: 'audit',
  tables: {},
  routes: registerAuditRoutes,
  policy: modulePolicy<'audit'>()({ global: { read: null, rules: auditGlobalRules } }),
});
