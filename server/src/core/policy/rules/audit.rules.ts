import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { isSuperuser } from '../predicates';

/** The audit trail is for host admins only. */
export const auditGlobalRules = {
  'audit.read': (actor: Actor) => isSuperuser(actor),
  'admin.audit': (actor: Actor) => isSuperuser(actor),
} satisfies RuleTable<ModuleAction<'audit'>, unknown>;
