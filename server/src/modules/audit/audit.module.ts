import { defineModule } from '../../core/module';
import { auditGlobalRules } from '../../core/policy/rules/global.rules';
import { registerAuditRoutes } from './audit.routes';

/** The admin view of the audit trail (the trail itself is core/audit): browse, filter, export. */
export const auditModule = defineModule({
  name: 'audit',
  tables: {},
  routes: registerAuditRoutes,
  policy: { global: { read: null, rules: auditGlobalRules } },
});
