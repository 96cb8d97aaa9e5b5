import { actions } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import type { AppError } from '../http/errors';
import { abilities, authorize, can, modulePolicy, type PolicyAction, policyActions } from './policy';
import { globalResource, type SpaceResource } from './resources';

const person = (overrides: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  id: 'u1',
  email: 'u1@example.test',
  name: 'U1',
  organizationId: 'partner',
  isHostOrganization: false,
  isAdmin: false,
  isOrgAdmin: false,
  twoFactorEnabled: false,
  via: 'session',
  sessionId: 's1',
  tokenId: null,
  ...overrides,
});
const space = (myRole: SpaceResource['myRole'], status: SpaceResource['status'] = 'active'): SpaceResource => ({
  type: 'space',
  id: 'sp',
  status,
  myRole,
});

function statusOf(fn: () => void): number {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
}

describe('central policy', () => {
  it('every action the policy knows is declared in the contracts, so the web app can name it', () => {
    for (const action of policyActions()) expect(actions).toContain(action);
  });

  it('every action the contracts declare is decided by a rule of some module (no action is left to chance)', () => {
    expect([...actions].filter((action) => !policyActions().includes(action))).toEqual([]);
  });

  it('a module policy leaving one of its actions without a rule, or naming one it does not declare, fails to compile', () => {
    // @ts-expect-error: the audit module declares `admin.audit` too, and it has no rule here
    const incomplete = modulePolicy<'audit'>()({ global: { read: null, rules: { 'audit.read': () => true } } });
    const strayRules = { 'audit.read': () => true, 'admin.audit': () => true, 'widget.create': () => true };
    // @ts-expect-error: `widget.create` is no action of the audit module
    const stray = modulePolicy<'audit'>()({ global: { read: null, rules: strayRules } });
    expect(Object.keys(incomplete.global.rules)).toEqual(['audit.read']);
    expect(Object.keys(stray.global.rules)).toContain('widget.create');
  });

  it('an action no rule mentions is denied (deny by default)', () => {
    expect(
      can(person({ isAdmin: true, isHostOrganization: true }), 'document.delete' as PolicyAction, space('owner')),
    ).toBe(false);
  });

  it('a space the person does not belong to answers 404, one they only view answers 403 to a change', () => {
    expect(statusOf(() => authorize(person(), 'space.update', space(null)))).toBe(404);
    expect(statusOf(() => authorize(person(), 'space.update', space('viewer')))).toBe(403);
    expect(statusOf(() => authorize(person(), 'space.update', space('manager')))).toBe(200);
  });

  it('anonymous actors get 401 from authorize, whatever the resource', () => {
    expect(statusOf(() => authorize({ kind: 'anonymous' }, 'space.read', space('owner')))).toBe(401);
    expect(statusOf(() => authorize({ kind: 'anonymous' }, 'audit.read', globalResource))).toBe(401);
  });

  it('an archived space can be read but no longer changed, even by its owner', () => {
    expect(can(person(), 'space.read', space('owner', 'archived'))).toBe(true);
    expect(can(person(), 'space.update', space('owner', 'archived'))).toBe(false);
    expect(can(person(), 'space.manage_members', space('owner', 'archived'))).toBe(false);
  });

  it('an admin flag on a partner person grants nothing beyond their organization', () => {
    const partnerAdmin = person({ isAdmin: true, isHostOrganization: false });
    expect(can(partnerAdmin, 'audit.read', globalResource)).toBe(false);
    expect(can(partnerAdmin, 'space.read', space(null))).toBe(false);
  });

  it('abilities list every action of the resource type with the answer for this actor', () => {
    const viewerAbilities = abilities(person(), space('viewer'));
    expect(Object.keys(viewerAbilities).sort()).toEqual(Object.keys(abilities(person(), space('owner'))).sort());
    expect(viewerAbilities).toMatchObject({
      'space.read': true,
      'space.read_members': true,
      'space.update': false,
      'space.manage_members': false,
      'space.manage_owners': false,
      'space.invite': false,
      'space.archive': false,
    });
  });
});
