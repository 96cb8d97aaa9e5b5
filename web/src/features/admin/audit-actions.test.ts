import { auditActions } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { locales } from '../../locales';
import { auditActionGroups } from './audit-actions';

const grouped: readonly string[] = auditActionGroups.flatMap((group) => group.actions);

describe('audit actions on the admin audit page', () => {
  for (const [locale, messages] of Object.entries(locales)) {
    it(`every action the server audits has a ${locale} label, and so does every filter group`, () => {
      const catalogue: Readonly<Record<string, string>> = messages;
      expect(auditActions.filter((action) => !catalogue[`auditActions.${action}`]?.trim())).toEqual([]);
      const groupKeys = auditActionGroups.flatMap((group) => [
        `auditGroups.${group.key}`,
        `auditGroups.${group.key}All`,
      ]);
      expect(groupKeys.filter((key) => !catalogue[key]?.trim())).toEqual([]);
    });
  }

  it('every audited action belongs to exactly one filter group, and the groups list no other action', () => {
    const counts = auditActions.map((action) => [action, grouped.filter((item) => item === action).length]);
    expect(counts.filter(([, count]) => count !== 1)).toEqual([]);
    expect(grouped.filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it("a group's “all … events” prefix catches only that group's actions", () => {
    for (const group of auditActionGroups) {
      const caught = auditActions.filter((action) => action.startsWith(group.prefix));
      expect(caught.filter((action) => !(group.actions as readonly string[]).includes(action))).toEqual([]);
    }
  });
});
