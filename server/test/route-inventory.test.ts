import { randomUUID } from 'node:crypto';
import { moduleOfRoute, type RouteContract, type RouteName, routes } from '@gatehouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureVictim, RouteFixtures } from '../src/core/route-fixtures';
import { type Module, modules } from '../src/modules';
import {
  fixturesOfUnknownRoutes,
  type InventoryRoute,
  routesWithoutFixture,
  routesWithParams,
} from './coverage-checks';
import { addMember, createOrganization, createPerson, createSpace, DEFAULT_PASSWORD } from './factories';
import { startTestServer, type TestServer } from './harness';
import type { HttpClient } from './http-client';
import { fillPath, sampleBody } from './samples';

/**
 * Routes that are not API contracts: health probes, the OpenAPI document and its viewer, the web app shell, and
 * WebDAV (its own authentication and authorization tests live in modules/webdav).
 */
const infrastructure = (url: string) =>
  url === '/dav' ||
  url.startsWith('/dav/') ||
  url === '/healthz' ||
  url === '/readyz' ||
  url === '/api/openapi.json' ||
  url.startsWith('/api/docs') ||
  url.startsWith('/assets/') ||
  url === '/*';

let server: TestServer;
let outsider: HttpClient;
let victim: FixtureVictim;
let fixturesByModule: Record<string, RouteFixtures | undefined>;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.deps.db;
  const victimOrg = await createOrganization(db, { kind: 'customer' });
  const person = await createPerson(db, { organizationId: victimOrg.id });
  const space = await createSpace(db, { kind: 'client' });
  await addMember(db, { spaceId: space.id, userId: person.id, role: 'owner' });
  const victimClient = server.client();
  await victimClient.signIn(person.email, DEFAULT_PASSWORD);
  victim = {
    deps: server.deps,
    organizationId: victimOrg.id,
    personId: person.id,
    spaceId: space.id,
    request: (method, path, init) => victimClient.request(method, path, init),
  };
  fixturesByModule = Object.fromEntries(
    await Promise.all(modules.map(async (manifest: Module) => [manifest.name, await manifest.fixtures?.()] as const)),
  );

  const otherOrg = await createOrganization(db, { kind: 'supplier' });
  const other = await createPerson(db, { organizationId: otherOrg.id });
  outsider = server.client();
  await outsider.signIn(other.email, DEFAULT_PASSWORD);
});

afterAll(async () => {
  await server?.close();
});

const contractEntries = Object.entries(routes) as [RouteName, RouteContract][];
/** Each route with the module whose contract declares it: that module's manifest must give its fixture. */
const inventory = contractEntries.map(([name, contract]) => ({ ...contract, name, module: moduleOfRoute(contract) }));

describe('route inventory', () => {
  it('every registered API route is declared in the contracts, and every contract is registered', () => {
    // Fastify adds a HEAD twin to every GET route; only a HEAD route of its own (tus) is a contract.
    const gets = new Set(server.app.registeredRoutes.filter((r) => r.method === 'GET').map((r) => r.url));
    const registered = server.app.registeredRoutes
      .filter((r) => !(r.method === 'HEAD' && gets.has(r.url)) && !infrastructure(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const declared = contractEntries.map(([, c]) => `${c.method} ${c.path}`).sort();
    expect(registered).toEqual(declared);
  });

  it('the only public API routes are the ones the contracts mark public', () => {
    const publicApi = server.app.registeredRoutes
      .filter((r) => r.public && r.method !== 'HEAD' && r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const declared = contractEntries
      .filter(([, c]) => c.public)
      .map(([, c]) => `${c.method} ${c.path}`)
      .sort();
    expect(publicApi).toEqual(declared);
  });

  for (const [name, contract] of contractEntries) {
    it(`${contract.method} ${contract.path}: anonymous ${contract.public ? 'reaches the handler (public)' : 'gets 401'}`, async () => {
      const anonymous = server.client();
      const path = fillPath(contract.path, {
        id: randomUUID(),
        memberId: randomUUID(),
        versionId: randomUUID(),
        token: 'x'.repeat(43),
      });
      const body = sampleBody(name, { organizationId: randomUUID(), personId: randomUUID() });
      const response = await anonymous.request(contract.method, path, body === undefined ? {} : { body });
      if (contract.public) {
        // A public route may answer 401 itself (a wrong password) with its own code or a reason; the auth hook's
        // bare "sign in required" refusal has neither.
        if (response.status === 401) {
          expect(response.body.code !== 'http.unauthorized' || Boolean(response.body.detail)).toBe(true);
        }
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });
  }

  it('every signed-in route with params has a fixture in the manifest of the module that declares it', () => {
    expect(routesWithoutFixture(inventory, fixturesByModule)).toEqual([]);
    expect(fixturesOfUnknownRoutes(inventory, fixturesByModule)).toEqual([]);
  });

  for (const route of routesWithParams(inventory)) {
    it(`${route.method} ${route.path}: a person of another partner organization gets 404 on someone else's resource`, async () => {
      const fixture = route.module ? fixturesByModule[route.module]?.[route.name] : undefined;
      if (!fixture) throw new Error(routesWithoutFixture([route], fixturesByModule).join('\n'));
      const path = fillPath(route.path, await fixture(victim));
      const body = sampleBody(route.name, { organizationId: victim.organizationId, personId: victim.personId });
      const response = await outsider.request(route.method, path, body === undefined ? {} : { body });
      expect(response.status, response.text).toBe(404);
    });
  }

  it("lists never show another partner organization's spaces, people or organization", async () => {
    const spaces = await outsider.get('/api/v1/spaces');
    const people = await outsider.get('/api/v1/people');
    const organizations = await outsider.get('/api/v1/organizations');
    expect(spaces.status).toBe(200);
    expect(spaces.body.spaces.map((s: { id: string }) => s.id)).not.toContain(victim.spaceId);
    expect(people.body.people.map((p: { id: string }) => p.id)).not.toContain(victim.personId);
    expect(organizations.body.organizations.map((o: { id: string }) => o.id)).not.toContain(victim.organizationId);
  });
});

describe('the route inventory cannot be outrun', () => {
  const throwaway: InventoryRoute = {
    name: 'getWidget',
    method: 'GET',
    path: '/api/v1/widgets/:id',
    module: 'widgets',
  };

  it('a new module route with an id and no fixture in its manifest fails the check, naming the route', () => {
    expect(routesWithoutFixture([throwaway], { widgets: {} })).toEqual([
      "getWidget (GET /api/v1/widgets/:id) has no fixture in the widgets module's manifest",
    ]);
    expect(routesWithoutFixture([throwaway], {})).toHaveLength(1);
  });

  it("a fixture given by another module's manifest does not count for the route", () => {
    const elsewhere = { documents: { getWidget: async () => ({ id: 'x' }) } };
    expect(routesWithoutFixture([throwaway], elsewhere)).toHaveLength(1);
  });

  it('the same route passes once its manifest gives a fixture, and public or param-less routes need none', () => {
    const fixtures = { widgets: { getWidget: async () => ({ id: 'x' }) } };
    const publicRoute = { ...throwaway, name: 'getPublicWidget', public: true };
    const list = { ...throwaway, name: 'listWidgets', path: '/api/v1/widgets' };
    expect(routesWithoutFixture([throwaway, publicRoute, list], fixtures)).toEqual([]);
  });

  it('a fixture left behind for a route its module no longer declares is reported', () => {
    const fixtures = { widgets: { getWidget: async () => ({ id: 'x' }), getGadget: async () => ({ id: 'y' }) } };
    expect(fixturesOfUnknownRoutes([throwaway], fixtures)).toEqual([
      'the widgets module has a fixture for getGadget, which it does not declare',
    ]);
  });
});
