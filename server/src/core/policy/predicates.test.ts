import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../auth/actor';
import { contributes, holdsLink, isHostStaff, isSuperuser, manages, owns, ownsSpace, readsSpace } from './predicates';

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
const hostAdmin = person({ isAdmin: true, isHostOrganization: true });
const system: Actor = { kind: 'system', label: 'cli' };
const visitor: Actor = { kind: 'share_visitor', via: 'share_link', grantId: 'l1', email: null };
const roles = [null, 'viewer', 'contributor', 'manager', 'owner'] as const;

describe('the role ladder', () => {
  it('host admins and the operator CLI are superusers; an admin flag in a partner organization is not', () => {
    expect(isSuperuser(hostAdmin)).toBe(true);
    expect(isSuperuser(system)).toBe(true);
    expect(isSuperuser(person({ isAdmin: true }))).toBe(false);
    expect(isSuperuser(visitor)).toBe(false);
  });

  it('each step of the ladder includes the ones above it, and nothing is granted without a role', () => {
    const answers = roles.map((myRole) => [
      readsSpace(person(), { myRole }),
      contributes(person(), { myRole }),
      manages(person(), { myRole }),
      ownsSpace(person(), { myRole }),
    ]);
    expect(answers).toEqual([
      [false, false, false, false],
      [true, false, false, false],
      [true, true, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ]);
  });

  it('a superuser climbs the whole ladder in a space they are not a member of', () => {
    for (const step of [readsSpace, contributes, manages, ownsSpace])
      expect(step(hostAdmin, { myRole: null })).toBe(true);
  });

  it('a row is owned by the person it names only — not by a superuser, a visitor or anyone when the owner is unknown', () => {
    expect(owns(person(), 'u1')).toBe(true);
    expect(owns(person(), 'u2')).toBe(false);
    expect(owns(hostAdmin, 'u2')).toBe(false);
    expect(owns(system, 'u1')).toBe(false);
    expect(owns(person(), null)).toBe(false);
  });

  it('host staff are the host organization people and superusers, never partner people', () => {
    expect(isHostStaff(person({ isHostOrganization: true }))).toBe(true);
    expect(isHostStaff(system)).toBe(true);
    expect(isHostStaff(person())).toBe(false);
  });

  it('a link visitor holds only the link of their token, and only of its own kind', () => {
    expect(holdsLink(visitor, { id: 'l1', kind: 'share' })).toBe(true);
    expect(holdsLink(visitor, { id: 'l2', kind: 'share' })).toBe(false);
    expect(holdsLink(visitor, { id: 'l1', kind: 'request' })).toBe(false);
    expect(holdsLink(hostAdmin, { id: 'l1', kind: 'share' })).toBe(false);
  });
});
