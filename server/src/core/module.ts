import type { Space } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import type { RawConfig } from './config/config';
import type { SettingsFragment } from './config/setting';
import type { Deps } from './context';
import type { EventSchemas, Subscriber } from './events/events';
import type { JobHandlers } from './jobs/jobs';

/** Something a space can have turned on, provided by one module; `defaultFor` lists the kinds created with it on. */
export type SpaceCapability = { id: string; defaultFor: readonly Space['kind'][] };

/** One forward migration step; `dialect` lets a step write the SQL each engine needs. */
export type MigrationStep = { up: (db: never, dialect: 'sqlite' | 'postgres') => Promise<void> };

/**
 * The rules a module adds to the central policy for one resource type: `read` names the action that decides whether
 * the resource exists at all for the actor (else 404); `rules` maps each action to its predicate.
 */
export type ResourcePolicy = {
  read: string | null;
  /**
   * The space capability resources of this type belong to: they exist for nobody (404) in a space where it is off.
   * Named by the fragment that names `read`; the resources carry their space's enabled `capabilities`.
   */
  capability?: string;
  rules: Record<string, (actor: never, resource: never) => boolean>;
};

/**
 * Everything a module brings to the server, in one object. `modules.ts` lists the manifests; the database type, the
 * migration list, the job handlers, the policy's rule table and the route registrations are all derived from that
 * list, so adding a module is one manifest and one line there.
 *
 * `Tables` is the module's Kysely table types (`{ spaces: SpacesTable; … }`); `tables` must name exactly those keys
 * (a missing or extra name is a type error), so a test can check that each table has one owner.
 */
export type ModuleManifest<Tables extends object = object> = {
  name: string;
  tables: { [K in keyof Tables]: true };
  /** Forward steps named `NNNN-what`; names sort in the order they run, across every module. */
  migrations?: Record<string, MigrationStep>;
  routes?: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  jobs?: JobHandlers;
  /** Domain events this module emits (`<m>.events.ts`) and its subscribers by unique name (see core/events). */
  events?: { emits?: EventSchemas; subscribers?: Record<string, Subscriber> };
  /** Settings this module reads from the environment (`<m>.config.ts`), and checks across them run at start. */
  config?: { settings: SettingsFragment; check?: (config: RawConfig) => string[] };
  /** Policy rules per resource type this module owns. */
  policy?: Record<string, ResourcePolicy>;
  /** The space capability this module provides (`documents`…), and the space kinds that have it on at creation. */
  capability?: SpaceCapability;
  /**
   * Test only: the route inventory's fixtures for this module's routes with params (see route-fixtures.ts). Imported
   * lazily so test helpers never load in a serving process.
   */
  fixtures?: () => Promise<import('./route-fixtures').RouteFixtures>;
  /** The kinds of things this module lets search find (see core/search/search.ts). */
  searchSources?: import('./search/search-sources').SearchSource[];
  /** Phantom: carries the table types to the `Database` type; never read at run time. */
  readonly __tables?: Tables;
};

/** Declares a module; `Tables` gives the types of the tables it owns. */
export function defineModule<Tables extends object = Record<never, never>>(
  manifest: ModuleManifest<Tables>,
): ModuleManifest<Tables> {
  return manifest;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The database schema of a list of manifests: the union of their tables. */
export type TablesOf<M extends readonly ModuleManifest<object>[]> = UnionToIntersection<
  M[number] extends infer E ? (E extends ModuleManifest<infer T> ? T : never) : never
>;
