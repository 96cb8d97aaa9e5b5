import { errorCodes } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { locales } from './index';

describe('web locales', () => {
  for (const [locale, messages] of Object.entries(locales)) {
    it(`the ${locale} catalogue translates every API error code`, () => {
      const missing = errorCodes.filter((code) => !messages[`errors.${code}` as keyof typeof messages]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it('French and English have the same keys', () => {
    expect(Object.keys(locales.fr).sort()).toEqual(Object.keys(locales.en).sort());
  });

  it('French keeps every {placeholder} of the English text', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    const drifted = Object.entries(locales.en)
      .filter(
        ([key, text]) => placeholders(text).join() !== placeholders(locales.fr[key as keyof typeof locales.fr]).join(),
      )
      .map(([key]) => key);
    expect(drifted).toEqual([]);
  });
});
