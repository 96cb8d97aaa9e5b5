import { AppError } from '../../core/http/errors';

/** One condition of an `If:` list (RFC 4918 §10.4): a state token or an entity tag, possibly negated. */
type IfCondition = { not: boolean; token?: string; etag?: string };
/** A list applies to `resource` (a tagged list) or to the request URL (`null`). */
type IfList = { resource: string | null; conditions: IfCondition[] };

const malformed = (detail: string) => new AppError('http.bad_request', 400, 'Malformed If header', detail);

/** Parses an `If:` header; anything outside the grammar is a 400, never a guess. */
export function parseIfHeader(header: string): IfList[] {
  const lists: IfList[] = [];
  let resource: string | null = null;
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && /\s/.test(header[i])) i += 1;
  };
  const readUntil = (close: string) => {
    const end = header.indexOf(close, i + 1);
    if (end === -1) throw malformed(`Missing "${close}".`);
    const value = header.slice(i + 1, end);
    i = end + 1;
    return value;
  };
  skipSpace();
  if (i >= header.length) throw malformed('Empty If header.');
  while (i < header.length) {
    const c = header[i];
    if (c === '<') {
      resource = readUntil('>').trim();
      if (!resource) throw malformed('Empty resource tag.');
    } else if (c === '(') {
      i += 1;
      const conditions: IfCondition[] = [];
      for (;;) {
        skipSpace();
        if (i >= header.length) throw malformed('Unclosed list.');
        if (header[i] === ')') {
          i += 1;
          break;
        }
        let not = false;
        if (header.slice(i, i + 3).toLowerCase() === 'not') {
          not = true;
          i += 3;
          skipSpace();
        }
        if (header[i] === '<') conditions.push({ not, token: readUntil('>').trim() });
        else if (header[i] === '[') conditions.push({ not, etag: readUntil(']').trim() });
        else throw malformed('Expected a state token or an entity tag.');
      }
      if (conditions.length === 0) throw malformed('Empty list.');
      lists.push({ resource, conditions });
    } else {
      throw malformed(`Unexpected character "${c}".`);
    }
    skipSpace();
  }
  if (lists.length === 0) throw malformed('No condition list.');
  return lists;
}

/** Every lock token the client submitted (not negated): holding a token is what lets it change a locked resource. */
export function submittedTokens(lists: IfList[]): Set<string> {
  return new Set(
    lists.flatMap((list) => list.conditions.filter((c) => !c.not && c.token).map((c) => c.token as string)),
  );
}
