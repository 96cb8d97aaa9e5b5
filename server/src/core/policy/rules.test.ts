import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../auth/actor';
import type { AppError } from '../http/errors';
import { authorize, can } from './policy';
import type { LinkResource, PersonResource, SpaceOrganizationResource, SpaceResource } from './resources';

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
const hostAdmin = person({ id: 'admin', isAdmin: true, isHostOrganization: true, organizationId: 'host' });
const shareVisitor: Actor = { kind: 'share_visitor', via: 'share_link', grantId: 'l1', email: null };
const requestVisitor: Actor = {
  kind: 'share_visitor',
  via: 'document_request',
  grantId: 'r1',
  email: 'x@example.test',
};

function statusOf(fn: () => void): number {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
}

const shareLink = (overrides: Partial<LinkResource> = {}): LinkResource => ({
  type: 'link',
  kind: 'share',
  id: 'l1',
  state: 'live',
  locked: false,
  ...overrides,
});

describe('link holders', () => {
  it('the holder of a live, unlocked share link may open and download it', () => {
    expect(can(shareVisitor, 'link.open', shareLink())).toBe(true);
    expect(can(shareVisitor, 'link.download', shareLink())).toBe(true);
  });

  it('a locked link opens (to ask for its password or code) but gives no content until every step is done', () => {
    expect(can(shareVisitor, 'link.unlock', shareLink({ locked: true }))).toBe(true);
    expect(can(shareVisitor, 'link.download', shareLink({ locked: true }))).toBe(false);
  });

  it('a revoked, expired or exhausted link serves nothing, not even its opening page', () => {
    for (const state of ['revoked', 'expired', 'exhausted'] as const) {
      expect(can(shareVisitor, 'link.open', shareLink({ state }))).toBe(false);
      expect(can(shareVisitor, 'link.download', shareLink({ state }))).toBe(false);
    }
  });

  it("another link's holder, a member or a host admin gets 404 on a link they do not hold", () => {
    const otherVisitor: Actor = { kind: 'share_visitor', via: 'share_link', grantId: 'l2', email: null };
    expect(statusOf(() => authorize(otherVisitor, 'link.download', shareLink()))).toBe(404);
    expect(statusOf(() => authorize(hostAdmin, 'link.download', shareLink()))).toBe(404);
    expect(statusOf(() => authorize(requestVisitor, 'link.download', shareLink({ id: 'r1' })))).toBe(404);
  });

  it('a request link uploads (its items decide which still take files) until closed, and never downloads', () => {
    const requestLink: LinkResource = { type: 'link', kind: 'request', id: 'r1', state: 'live', locked: false };
    expect(can(requestVisitor, 'link.upload', requestLink)).toBe(true);
    expect(can(requestVisitor, 'link.download', requestLink)).toBe(false);
    expect(can(requestVisitor, 'link.open', { ...requestLink, state: 'complete' })).toBe(true);
    expect(can(requestVisitor, 'link.upload', { ...requestLink, state: 'closed' })).toBe(false);
    expect(can(requestVisitor, 'link.open', { ...requestLink, state: 'closed' })).toBe(false);
    expect(can(shareVisitor, 'link.upload', shareLink())).toBe(false);
  });
});

describe('own rows', () => {
  it("a person revokes their own session; another person's session answers 404, even to a host admin", () => {
    const session = { type: 'session', id: 's9', ownerId: 'u1' } as const;
    expect(statusOf(() => authorize(person(), 'session.revoke', session))).toBe(200);
    expect(statusOf(() => authorize(person({ id: 'u2' }), 'session.revoke', session))).toBe(404);
    expect(statusOf(() => authorize(hostAdmin, 'session.revoke', session))).toBe(404);
  });

  it("API tokens and notifications are their owner's only", () => {
    expect(can(person(), 'api_token.revoke', { type: 'api_token', id: 't', ownerId: 'u1' })).toBe(true);
    expect(can(person(), 'api_token.revoke', { type: 'api_token', id: 't', ownerId: 'u2' })).toBe(false);
    expect(can(person(), 'notification.update', { type: 'notification', id: 'n', ownerId: 'u2' })).toBe(false);
  });

  it('a WebDAV lock is seen by any person who reaches its path but used only by its holder', () => {
    const lock = { type: 'dav_lock', token: 't', holderId: 'u2' } as const;
    expect(statusOf(() => authorize(person(), 'dav_lock.use', lock))).toBe(403);
    expect(can(person({ id: 'u2' }), 'dav_lock.use', lock)).toBe(true);
  });
});

describe('administration and space owners', () => {
  const hostPerson: PersonResource = {
    type: 'person',
    id: 'p',
    organizationId: 'host',
    inHostOrganization: true,
    isAdmin: false,
    sharesSpace: false,
  };

  it('only host admins grant administrator rights, and only to host people', () => {
    expect(can(hostAdmin, 'person.grant_admin', hostPerson)).toBe(true);
    expect(can(hostAdmin, 'person.grant_admin', { ...hostPerson, inHostOrganization: false })).toBe(false);
    const hostOrgAdmin = person({ isOrgAdmin: true, isHostOrganization: true, organizationId: 'host' });
    expect(can(hostOrgAdmin, 'person.grant_admin', hostPerson)).toBe(false);
    const org = { type: 'organization', id: 'host', isHost: true, sharesSpace: false } as const;
    expect(can(hostAdmin, 'person.grant_admin', org)).toBe(true);
    expect(can(hostAdmin, 'person.grant_admin', { ...org, isHost: false })).toBe(false);
  });

  it('a manager cannot touch owners; an owner can, while the space is active', () => {
    const space = (myRole: SpaceResource['myRole'], status: SpaceResource['status'] = 'active'): SpaceResource => ({
      type: 'space',
      id: 'sp',
      status,
      myRole,
    });
    expect(can(person(), 'space.manage_owners', space('manager'))).toBe(false);
    expect(can(person(), 'space.manage_owners', space('owner'))).toBe(true);
    expect(can(person(), 'space.manage_owners', space('owner', 'archived'))).toBe(false);
  });

  it('a manager brings people in from organizations taking part; only host staff bring host people in', () => {
    const source = (overrides: Partial<SpaceOrganizationResource> = {}): SpaceOrganizationResource => ({
      type: 'space_organization',
      spaceId: 'sp',
      spaceStatus: 'active',
      myRole: 'manager',
      organizationId: 'o',
      isHost: false,
      takesPart: true,
      ...overrides,
    });
    expect(can(person(), 'space.bring_in_from', source())).toBe(true);
    expect(can(person(), 'space.bring_in_from', source({ takesPart: false }))).toBe(false);
    expect(can(person(), 'space.bring_in_from', source({ isHost: true }))).toBe(false);
    expect(can(person({ isHostOrganization: true }), 'space.bring_in_from', source({ isHost: true }))).toBe(true);
    expect(can(person(), 'space.bring_in_from', source({ myRole: 'contributor' }))).toBe(false);
    expect(can(hostAdmin, 'space.bring_in_from', source({ myRole: null, takesPart: false }))).toBe(true);
  });
});
