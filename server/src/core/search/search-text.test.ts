import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  foldText,
  highlightToHtml,
  MATCH_START,
  MATCH_STOP,
  searchTerms,
  unfoldHeadline,
} from './search-text';

const codePoints = (text: string) => [...text].length;

describe('search text helpers', () => {
  it('folding strips accents and case, keeps one character per character, and leaves only words and spaces', () => {
    expect(foldText('Facturé ÉTÉ Ωμέγα plans.txt <b>')).toBe('facture ete ωμεγα plans txt  b ');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        const text = cleanText(raw);
        const folded = foldText(text);
        expect(codePoints(folded)).toBe(codePoints(text));
        expect(folded).not.toMatch(/[<>&"'*()]/);
      }),
      { numRuns: 300 },
    );
  });

  it('cleaning drops control characters (so nothing can forge a match marker) and collapses whitespace', () => {
    expect(cleanText(` a\u0000b\u0002c\u0003\t\n d\ud800 e${'\u0301'}`)).toBe('a b c d\ufffd é');
    expect(cleanText('x'.repeat(10), 4)).toBe('xxxx');
    expect(cleanText('ab😀', 3)).toBe('ab');
  });

  it('query terms are letters and digits only: operators and punctuation are never passed on', () => {
    expect(searchTerms('"invoice" AND (q1*) -draft NEAR/2 l\'été')).toEqual([
      'invoice',
      'AND',
      'q1',
      'draft',
      'NEAR',
      '2',
      'l',
      'été',
    ]);
    expect(searchTerms('")(*\\^:')).toEqual([]);
    expect(searchTerms('a '.repeat(100))).toHaveLength(16);
  });

  it('a highlighted excerpt is escaped HTML with balanced <mark> and no other markup, whatever the input', () => {
    expect(highlightToHtml(`<i>${MATCH_START}a&b${MATCH_STOP}</i>`)).toBe('&lt;i&gt;<mark>a&amp;b</mark>&lt;/i&gt;');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(MATCH_START), fc.constant(MATCH_STOP))), (parts) => {
        const html = highlightToHtml(parts.join(''));
        const tags = html.match(/<[^>]*>/g) ?? [];
        expect(tags.every((tag) => tag === '<mark>' || tag === '</mark>')).toBe(true);
        expect(tags.filter((tag) => tag === '<mark>').length).toBe(tags.filter((tag) => tag === '</mark>').length);
      }),
    );
  });

  it('markers found on folded text land on the same characters of the original', () => {
    const original = 'Une FACTURÉE réglée';
    const headline = `une ${MATCH_START}facturee${MATCH_STOP} reglee`;
    expect(foldText(original)).toBe('une facturee reglee');
    expect(unfoldHeadline(headline, original)).toBe(`Une ${MATCH_START}FACTURÉE${MATCH_STOP} réglée`);
  });
});
