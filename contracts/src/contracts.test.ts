import { describe, expect, it } from 'vitest';
import { actions, errorCodes, routes } from './registry';

describe('contracts', () => {
  it('every route has a unique method and path', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every route lives under /api/v1 and has a summary for the OpenAPI document', () => {
    for (const route of Object.values(routes)) {
      expect(route.path.startsWith('/api/v1/')).toBe(true);
      expect(route.summary.length).toBeGreaterThan(5);
    }
  });

  it('error codes and actions are namespaced and unique', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of errorCodes) expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
    expect(new Set(actions).size).toBe(actions.length);
    // `resource.verb`, the resource spelled like the policy's resource types (`api_token`, `dav_lock`).
    for (const action of actions) expect(action).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z_]+$/);
  });

  it('bodies reject unknown keys so typos never pass silently', () => {
    const result = routes.login.body.safeParse({ email: 'a@b.test', password: 'x', admin: true });
    expect(result.success).toBe(false);
  });
});
