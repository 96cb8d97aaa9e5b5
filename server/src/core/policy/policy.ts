import type { Action, actionsByModule } from '@gatehouse/contracts';
import type { Actor } from '../auth/actor';
import { errors } from '../http/errors';
import type { ModuleManifest, ResourcePolicy } from '../module';
import { type CompiledCapabilities, capabilityEnabled, compileCapabilities } from './capabilities';
import type { Resource } from './resources';

/**
 * THE authorization policy. Every access decision in Gatehouse goes through `can` / `authorize`; nothing is allowed
 * unless a rule says so (deny by default). The rules are declared by the modules' manifests (each module names the
 * rules it adds for each resource type) and combined here once; lists are narrowed in SQL by scopes.ts with the same
 * meaning.
 */
export type PolicyAction = Action;

/** The actions a contracts module declares (`ModuleAction<'spaces'>` is `'space.read' | 'space.create' | …`). */
export type ModuleAction<M extends keyof typeof actionsByModule> = (typeof actionsByModule)[M][number];

/**
 * Rules of one resource type, keyed by actions of `A` only (an action the contracts do not declare is a type error).
 * Several tables may share a module's actions; `modulePolicy` checks that together they decide every one of them.
 */
export type RuleTable<A extends string, R> = { [K in A]?: (actor: Actor, resource: R) => boolean };

type ActionsOf<P> = { [T in keyof P]: P[T] extends { rules: infer R } ? keyof R & string : never }[keyof P];
type Complete<A extends string, P> = ([Exclude<A, ActionsOf<P>>] extends [never]
  ? unknown
  : { missingRulesFor: Exclude<A, ActionsOf<P>> }) &
  ([Exclude<ActionsOf<P>, A>] extends [never] ? unknown : { actionsNotInContracts: Exclude<ActionsOf<P>, A> });

/**
 * A module's policy fragment, checked against the module's action list in the contracts: an action with no rule, or
 * a rule for an action the module does not declare, is a compile error (`missingRulesFor` / `actionsNotInContracts`).
 * Usage: `modulePolicy<'spaces'>()({ space: { read: 'space.read', rules: spaceRules } })`.
 */
export function modulePolicy<M extends keyof typeof actionsByModule>() {
  return <P extends Record<string, ResourcePolicy>>(policy: P & Complete<ModuleAction<M>, P>): P => policy;
}

type Rule = (actor: Actor, resource: Resource) => boolean;
type CompiledRules = Record<string, Rule>;
type CompiledPolicy = {
  /** Rules per resource type (`global` for actions on no particular resource). */
  rules: Record<string, CompiledRules>;
  /** The action that decides whether a resource of each type exists at all for the actor (else 404). */
  readAction: Record<string, string>;
  /** The space capabilities, and which resource types exist only while theirs is on. */
  capabilities: CompiledCapabilities;
};

/**
 * Combines the policy fragments of every manifest. Two modules may add rules to one resource type (share links add
 * `share.create` to folders), but never the same action twice, and only one of them names the type's read action.
 */
export function compilePolicy(manifests: readonly ModuleManifest<object>[]): CompiledPolicy {
  const rules: Record<string, CompiledRules> = {};
  const readAction: Record<string, string> = {};
  for (const manifest of manifests) {
    for (const [type, fragment] of Object.entries(manifest.policy ?? {})) {
      const table = rules[type] ?? {};
      rules[type] = table;
      for (const [action, rule] of Object.entries(fragment.rules)) {
        if (table[action]) throw new Error(`Policy: ${manifest.name} redefines ${type} ${action}`);
        table[action] = rule as Rule;
      }
      if (fragment.read) {
        if (readAction[type]) throw new Error(`Policy: ${manifest.name} redefines the read action of ${type}`);
        readAction[type] = fragment.read;
      }
    }
  }
  for (const type of Object.keys(rules)) {
    if (type === 'global') continue;
    const read = readAction[type];
    if (!read || !rules[type]?.[read]) throw new Error(`Policy: resource type ${type} has no read rule`);
  }
  return { rules, readAction, capabilities: compileCapabilities(manifests) };
}

let compiled: CompiledPolicy | null = null;

/**
 * The policy of the modules this server runs. Compiled on first use rather than at import: modules.ts imports every
 * module, whose services import this file, so the list is only complete once every import has run.
 */
function policy(): CompiledPolicy {
  if (!compiled) compiled = compilePolicy(platformManifests());
  return compiled;
}

let manifestSource: (() => readonly ModuleManifest<object>[]) | null = null;
/** Called once by modules.ts with the list of manifests. */
export function usePolicyOf(source: () => readonly ModuleManifest<object>[]) {
  manifestSource = source;
  compiled = null;
}
function platformManifests() {
  if (!manifestSource) throw new Error('Policy used before modules.ts registered the manifests');
  return manifestSource();
}

/** The capabilities a space may turn on, from the modules this server runs. */
export function spaceCapabilities(): CompiledCapabilities {
  return policy().capabilities;
}

/** Every action some rule decides, across every resource type. */
export function policyActions(): string[] {
  return [...new Set(Object.values(policy().rules).flatMap((table) => Object.keys(table)))];
}

function readsIt(p: CompiledPolicy, actor: Actor, resource: Resource): boolean {
  if (resource.type === 'global') return true;
  if (!capabilityEnabled(p.capabilities, resource)) return false;
  const read = p.rules[resource.type]?.[p.readAction[resource.type] ?? ''];
  return read ? read(actor, resource) : false;
}

/** Whether the actor may perform the action on the resource. Unknown action/resource pairs are denied. */
export function can(actor: Actor, action: PolicyAction, resource: Resource): boolean {
  const p = policy();
  const rule = p.rules[resource.type]?.[action];
  if (!rule) return false;
  if (!readsIt(p, actor, resource)) return false;
  return rule(actor, resource);
}

/**
 * Throws unless allowed: 404 when the actor may not even see the resource (its existence is not confirmed), 403 when
 * they see it but may not do this. Anonymous actors get 401.
 */
export function authorize(actor: Actor, action: PolicyAction, resource: Resource): void {
  if (actor.kind === 'anonymous') throw errors.unauthorized();
  if (!readsIt(policy(), actor, resource)) throw errors.notFound();
  if (!can(actor, action, resource)) throw errors.forbidden();
}

/** Every action of the resource's type with the actor's answer, sent to the web app so it shows only what is allowed. */
export function abilities(actor: Actor, resource: Resource): Record<string, boolean> {
  const table = policy().rules[resource.type] ?? {};
  return Object.fromEntries(Object.keys(table).map((action) => [action, can(actor, action as PolicyAction, resource)]));
}
