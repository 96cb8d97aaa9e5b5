import { routes } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { buildUrl } from './api';
import { makeTranslate } from './i18n';

describe('web api client', () => {
  it('fills path parameters from the contract and encodes them', () => {
    const url = buildUrl(routes.updateMember.path, { id: 'a b', memberId: 'c/d' });
    expect(url).toBe('/api/v1/spaces/a%20b/members/c%2Fd');
  });

  it('leaves empty query values out so filters that are not set are not sent', () => {
    const url = buildUrl(routes.listPeople.path, undefined, { q: '', status: 'active', organizationId: undefined });
    expect(url).toBe('/api/v1/people?status=active');
  });

  it('refuses to build a URL with a missing path parameter', () => {
    expect(() => buildUrl(routes.getSpace.path, {})).toThrow(/id/);
  });
});

describe('web i18n', () => {
  it('picks the plural form of the locale and fills the count', () => {
    expect(makeTranslate('en').plural('spaces.memberCount', 1)).toBe('1 member');
    expect(makeTranslate('en').plural('spaces.memberCount', 3)).toBe('3 members');
    expect(makeTranslate('fr').plural('spaces.memberCount', 0)).toBe('0 membre');
  });

  it('translates an API error code, falling back to the generic server error for an unknown one', () => {
    const t = makeTranslate('fr');
    expect(t.dynamic('errors.identity.invalid_credentials', 'errors.http.internal')).toBe(
      'E-mail ou mot de passe incorrect.',
    );
    expect(t.dynamic('errors.nope', 'errors.http.internal')).toBe(t('errors.http.internal'));
  });
});
