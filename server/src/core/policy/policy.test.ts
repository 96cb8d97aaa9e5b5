import { actions } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import type { AppError } from '../http/errors';
import { abilities, authorize, can, type PolicyAction, policyActions } from './policy';
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
    expect(abilities(person(), space('viewer'))).toEqual({
      'space.read': true,
      'space.read_members': true,
      'space.update': false,
      'space.manage_members': false,
      'space.invite': false,
      'space.archive': false,
    });
  });
});
