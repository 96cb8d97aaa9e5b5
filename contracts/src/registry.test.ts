import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { combineContracts } from './combine-contracts';
import { actionsByModule, auditActions, moduleContracts, moduleOfRoute, routes } from './registry';
import { defineRoute, type ModuleContract } from './route-contract';

const ping = defineRoute({
  method: 'GET',
  path: '/api/v1/ping',
  summary: 'Ping the fake module',
  response: z.string(),
});

const fakeModule = (overrides: Partial<ModuleContract> & { name: string }): ModuleContract => ({
  routes: {},
  actions: [],
  errors: [],
  auditActions: [],
  ...overrides,
});

describe('module registry', () => {
  it('two modules declaring the same route name cannot be combined', () => {
    const modules = [
      fakeModule({ name: 'alpha', routes: { ping } }),
      fakeModule({ name: 'beta', routes: { ping: { ...ping, path: '/api/v1/other' } } }),
    ];
    expect(() => combineContracts({ modules })).toThrow('Duplicate route name "ping": declared by alpha and by beta');
  });

  it('two routes answering the same method and path cannot be combined', () => {
    const modules = [
      fakeModule({ name: 'alpha', routes: { ping } }),
      fakeModule({ name: 'beta', routes: { pong: ping } }),
    ];
    expect(() => combineContracts({ modules })).toThrow('Duplicate route method and path "GET /api/v1/ping"');
  });

  it('an action, an error code or an audit action declared twice is rejected, naming the duplicate', () => {
    const twice = (field: 'actions' | 'errors' | 'auditActions', value: string) => () =>
      combineContracts({
        modules: [fakeModule({ name: 'alpha', [field]: [value] }), fakeModule({ name: 'beta', [field]: [value] })],
      });
    expect(twice('actions', 'thing.read')).toThrow('Duplicate action "thing.read": declared by alpha and by beta');
    expect(twice('errors', 'thing.gone')).toThrow('Duplicate error code "thing.gone"');
    expect(twice('auditActions', 'thing.created')).toThrow('Duplicate audit action "thing.created"');
  });

  it('a module error code that repeats a shared one is rejected', () => {
    const modules = [fakeModule({ name: 'alpha', errors: ['http.not_found'] })];
    expect(() => combineContracts({ modules, sharedErrorCodes: ['http.not_found'] })).toThrow(
      'Duplicate error code "http.not_found": declared by the shared error codes and by alpha',
    );
  });

  it('distinct modules combine into one route list that remembers which module declared each route', () => {
    const combined = combineContracts({
      modules: [fakeModule({ name: 'alpha', routes: { ping }, actions: ['thing.read'] }), fakeModule({ name: 'beta' })],
    });
    expect(Object.keys(combined.routes)).toEqual(['ping']);
    expect(combined.moduleOfRoute(ping)).toBe('alpha');
    expect(combined.actionsByModule).toEqual({ alpha: ['thing.read'], beta: [] });
  });

  it('every Gatehouse route belongs to exactly one module', () => {
    for (const [name, contract] of Object.entries(routes)) {
      const owners = moduleContracts.filter((module) => Object.values(module.routes).includes(contract));
      expect(
        owners.map((module) => module.name),
        name,
      ).toEqual([moduleOfRoute(contract)]);
    }
    const declared = moduleContracts.reduce((count, module) => count + Object.keys(module.routes).length, 0);
    expect(Object.keys(routes)).toHaveLength(declared);
  });

  it('actions and audit actions are `resource.verb` names, each listed once by its module', () => {
    for (const [module, owned] of Object.entries(actionsByModule)) {
      for (const action of owned) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(new Set(owned).size, module).toBe(owned.length);
    }
    for (const action of auditActions) expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
