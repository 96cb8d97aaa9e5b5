import type { Deps } from './context';

/**
 * Someone else's corner of the extranet, for the route inventory's "another organization gets 404" test: an
 * organization, a person in it who owns a space, and requests sent as that person (for resources only an HTTP call
 * makes, like a resumable upload).
 */
export type FixtureVictim = {
  deps: Deps;
  organizationId: string;
  personId: string;
  spaceId: string;
  request: (
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; headers: Headers; body: unknown }>;
};

/**
 * Per route name (of the module's contract) that takes path params: creates one resource of the victim and returns
 * the params pointing at it. A route with params and no fixture fails the route inventory, by name.
 */
export type RouteFixtures = Record<string, (victim: FixtureVictim) => Promise<Record<string, string>>>;

/** A module's fixtures, keyed by the route names of its contract: a misspelt route name is a type error. */
export type FixturesFor<Routes> = { [K in keyof Routes]?: RouteFixtures[string] };
