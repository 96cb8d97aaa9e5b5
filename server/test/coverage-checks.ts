import type { RouteFixtures } from '../src/core/route-fixtures';

/**
 * The checks that keep the route inventory and the authorization matrix from being outrun by new code: each takes
 * plain lists, so a test can feed it a throwaway route or rule and watch it fail.
 */

export type InventoryRoute = { name: string; method: string; path: string; public?: boolean; module?: string };

/** Routes that reach someone's resource by id: behind a sign-in and with params in the path. */
export const routesWithParams = <R extends InventoryRoute>(routes: readonly R[]) =>
  routes.filter((route) => !route.public && route.path.includes('/:'));

/** One message per signed-in route with params whose owning module's manifest gives no fixture. */
export function routesWithoutFixture(
  routes: readonly InventoryRoute[],
  fixturesByModule: Readonly<Record<string, RouteFixtures | undefined>>,
): string[] {
  return routesWithParams(routes)
    .filter((route) => !(route.module && fixturesByModule[route.module]?.[route.name]))
    .map(
      (route) =>
        `${route.name} (${route.method} ${route.path}) has no fixture in the ${route.module ?? 'unknown'} module's manifest`,
    );
}

/** Fixtures naming a route their module does not declare: a renamed route would otherwise leave them behind unseen. */
export function fixturesOfUnknownRoutes(
  routes: readonly InventoryRoute[],
  fixturesByModule: Readonly<Record<string, RouteFixtures | undefined>>,
): string[] {
  const known = new Set(routes.map((route) => `${route.module}/${route.name}`));
  return Object.entries(fixturesByModule).flatMap(([module, fixtures]) =>
    Object.keys(fixtures ?? {})
      .filter((name) => !known.has(`${module}/${name}`))
      .map((name) => `the ${module} module has a fixture for ${name}, which it does not declare`),
  );
}

/** Actions (from the contracts and the compiled policy) that no matrix case exercises. */
export function actionsWithoutCase(actions: Iterable<string>, cases: readonly { action: string }[]): string[] {
  const covered = new Set(cases.map((c) => c.action));
  return [...new Set(actions)].filter((action) => !covered.has(action)).sort();
}

/** Cases for actions nobody decides any more: a renamed action would otherwise keep a case that tests nothing new. */
export function casesOfUnknownActions(actions: Iterable<string>, cases: readonly { action: string }[]): string[] {
  const known = new Set(actions);
  return [...new Set(cases.map((c) => c.action))].filter((action) => !known.has(action)).sort();
}
