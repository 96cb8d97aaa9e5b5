/**
 * Text handling shared by both search engines: cleaning what is indexed, turning a person's query into terms that
 * can never be query syntax, and turning an engine's excerpt into safe HTML.
 */

/** Markers the engines put around matches. Indexed text never contains them: `cleanText` drops control characters. */
export const MATCH_START = '\u0002';
export const MATCH_STOP = '\u0003';

/** At most this many query terms are used; a longer query only narrows results further. */
const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;

// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point of this pattern.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Normalizes text before it is indexed: NFC (so "é" typed two ways is one letter), no control characters (they
 * could forge match markers, and PostgreSQL refuses NUL), whitespace collapsed, at most `maxChars` characters.
 */
export function cleanText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const clean = text
    .replace(loneSurrogates, '\ufffd')
    .normalize('NFC')
    .replace(controlCharacters, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= maxChars) return clean;
  // Never cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(clean[maxChars - 1] ?? '') ? maxChars - 1 : maxChars;
  return clean.slice(0, end).trimEnd();
}

const foldCache = new Map<string, string>();

function foldCharacter(char: string): string {
  const cached = foldCache.get(char);
  if (cached !== undefined) return cached;
  const stripped = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const lower = char.toLowerCase();
  let folded = char;
  if (stripped.length === char.length && [...stripped].length === 1) folded = stripped;
  else if (lower.length === char.length && [...lower].length === 1) folded = lower;
  if (foldCache.size < 10_000) foldCache.set(char, folded);
  return folded;
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

/**
 * Lower-cases and strips accents ("Facturé" → "facture") one character for one character, so that a position in the
 * folded text is the same position in the original. Everything that is not a letter, digit or mark becomes a space:
 * PostgreSQL's parser then sees the same words as SQLite's unicode61 tokenizer ("plans.txt" is "plans" and "txt", not
 * a file name token) and never an HTML tag (ts_headline would drop it and break the alignment with the original).
 * PostgreSQL indexes the folded text, so no `unaccent` extension is needed and the database locale does not matter.
 */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) out += (code >= 0x30 && code <= 0x39) || /[a-z]/i.test(char) ? char.toLowerCase() : ' ';
    else {
      const folded = foldCharacter(char);
      out += wordCharacter.test(folded) ? folded : ' ';
    }
  }
  return out;
}

/**
 * The words of a query: runs of letters and digits (with their combining marks). Quotes, stars, parentheses,
 * operators and anything else are separators, which is what makes every query safe to hand to an engine.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.slice(0, MAX_TERMS).map((word) => word.slice(0, MAX_TERM_LENGTH));
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char]);
}

/**
 * Turns an excerpt with MATCH_START/MATCH_STOP markers into HTML: everything is escaped, then the markers become
 * `<mark>`/`</mark>`, always balanced, never nested.
 */
export function highlightToHtml(excerpt: string): string {
  let html = '';
  let open = false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters on purpose.
  for (const part of excerpt.split(/([\u0002\u0003])/)) {
    if (part === MATCH_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MATCH_STOP) {
      if (open) html += '</mark>';
      open = false;
    } else html += escapeHtml(part);
  }
  return open ? `${html}</mark>` : html;
}

/**
 * Puts the markers of a headline computed on folded text back onto the original text. `original` is the slice of the
 * original text whose folded form is the headline without markers (same number of code points).
 */
export function unfoldHeadline(headline: string, original: string): string {
  const source = [...original];
  let index = 0;
  let out = '';
  for (const char of headline) {
    if (char === MATCH_START || char === MATCH_STOP) out += char;
    else {
      out += source[index] ?? char;
      index += 1;
    }
  }
  return out;
}
