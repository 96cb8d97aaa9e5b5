/** A piece of a search snippet: text, highlighted when it matched the search. */
export type SnippetPart = { text: string; marked: boolean };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const decode = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return entities[name.toLowerCase()] ?? match;
  });

/**
 * Splits the API's snippet (escaped text whose only markup is `<mark>…</mark>`) into plain pieces. The app renders
 * them as React text, never as HTML: should anything else ever reach the snippet, it shows as text and cannot run.
 */
export function snippetParts(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    const decoded = decode(text);
    if (decoded) parts.push({ text: decoded, marked });
  };
  let rest = html;
  for (let open = rest.indexOf('<mark>'); open !== -1; open = rest.indexOf('<mark>')) {
    const close = rest.indexOf('</mark>', open);
    if (close === -1) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + '<mark>'.length, close), true);
    rest = rest.slice(close + '</mark>'.length);
  }
  push(rest, false);
  return parts;
}
