import type { ModuleContract, RouteContract } from './route-contract';

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Every module's routes in one object, each route keeping its literal contract type. */
export type CombinedRoutes<M extends readonly ModuleContract[]> = Simplify<UnionToIntersection<M[number]['routes']>>;

/**
 * Throws when a value is declared twice. Two modules claiming the same route, action, error code or audit action
 * would make ownership (OpenAPI tag, policy rule, translation) ambiguous, so the process must not start.
 */
function ensureUnique(kind: string, entries: ReadonlyArray<readonly [value: string, owner: string]>) {
  const owners = new Map<string, string>();
  for (const [value, owner] of entries) {
    const first = owners.get(value);
    if (first !== undefined) throw new Error(`Duplicate ${kind} "${value}": declared by ${first} and by ${owner}`);
    owners.set(value, owner);
  }
}

/**
 * Combines module contracts into the flat lists the server and the web app use, after checking that no route name,
 * method + path, action, error code or audit action is declared twice. `sharedErrorCodes` are the codes no module
 * owns (the HTTP layer's).
 */
export function combineContracts<
  const M extends readonly ModuleContract[],
  const S extends readonly string[] = readonly [],
>({ modules, sharedErrorCodes }: { modules: M; sharedErrorCodes?: S }) {
  type Module = M[number];
  const entries = (pick: (module: Module) => readonly string[]) =>
    modules.flatMap((module) => pick(module).map((value) => [value, module.name] as const));
  const routeEntries = modules.flatMap((module) =>
    Object.entries(module.routes).map(([name, contract]) => ({ name, contract, module: module.name })),
  );

  ensureUnique(
    'module name',
    entries((module) => [module.name]),
  );
  ensureUnique(
    'route name',
    routeEntries.map((entry) => [entry.name, entry.module] as const),
  );
  ensureUnique(
    'route method and path',
    routeEntries.map((entry) => [`${entry.contract.method} ${entry.contract.path}`, entry.module] as const),
  );
  ensureUnique(
    'action',
    entries((module) => module.actions),
  );
  ensureUnique('error code', [
    ...(sharedErrorCodes ?? []).map((code) => [code, 'the shared error codes'] as const),
    ...entries((module) => module.errors),
  ]);
  ensureUnique(
    'audit action',
    entries((module) => module.auditActions),
  );

  const moduleByRoute = new Map<RouteContract, Module['name']>(
    routeEntries.map((entry) => [entry.contract, entry.module]),
  );
  return {
    routes: Object.fromEntries(routeEntries.map((entry) => [entry.name, entry.contract])) as CombinedRoutes<M>,
    actions: modules.flatMap((module) => module.actions) as ReadonlyArray<Module['actions'][number]>,
    errorCodes: [...(sharedErrorCodes ?? []), ...modules.flatMap((module) => module.errors)] as ReadonlyArray<
      S[number] | Module['errors'][number]
    >,
    auditActions: modules.flatMap((module) => module.auditActions) as ReadonlyArray<Module['auditActions'][number]>,
    /** Per module, the actions it owns: every policy rule must belong to one of them. */
    actionsByModule: Object.fromEntries(modules.map((module) => [module.name, module.actions])) as {
      [C in Module as C['name']]: C['actions'];
    },
    /** The module that declared a route contract (its OpenAPI tag); undefined for a contract no module declares. */
    moduleOfRoute: (contract: RouteContract): Module['name'] | undefined => moduleByRoute.get(contract),
  };
}
