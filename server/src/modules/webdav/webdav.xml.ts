import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../core/http/errors';

/** A namespace-resolved element: WebDAV is all about (namespace, local name) pairs, never prefixes. */
export type XmlElement = {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
};
type XmlNode = XmlElement | { text: string };

export const DAV = 'DAV:';

const badXml = (detail: string) => new AppError('http.bad_request', 400, 'Malformed XML body', detail);

// No DTD processing at all: entity expansion (billion laughs, external entities) is refused before parsing, and the
// parser leaves entities alone; only the five predefined ones and character references are decoded below.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) throw badXml('Invalid character reference.');
      return String.fromCodePoint(code);
    }
    const value = predefined[ref];
    if (value === undefined) throw badXml(`Unknown entity ${whole}.`);
    return value;
  });
}

type RawNode = Record<string, unknown>;

function resolveElement(raw: RawNode, scope: Map<string, string>): XmlElement {
  const tag = Object.keys(raw).find((key) => key !== ':@') as string;
  const rawAttrs = (raw[':@'] ?? {}) as Record<string, string>;
  const inner = new Map(scope);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    const name = key.slice(2);
    const decoded = decodeEntities(String(value));
    if (name === 'xmlns') inner.set('', decoded);
    else if (name.startsWith('xmlns:')) {
      // Namespaces in XML 1.0: a prefix may not be bound to the empty name.
      if (decoded === '') throw badXml(`The prefix ${name.slice(6)} is bound to an empty namespace.`);
      inner.set(name.slice(6), decoded);
    } else attrs[name] = decoded;
  }
  const colon = tag.indexOf(':');
  const prefix = colon === -1 ? '' : tag.slice(0, colon);
  const local = colon === -1 ? tag : tag.slice(colon + 1);
  const ns = inner.get(prefix);
  if (ns === undefined && prefix !== '') throw badXml(`Undeclared namespace prefix ${prefix}.`);
  const children: XmlNode[] = [];
  for (const child of (raw[tag] ?? []) as RawNode[]) {
    if ('#text' in child) children.push({ text: decodeEntities(String(child['#text'])) });
    else children.push(resolveElement(child, inner));
  }
  return { ns: ns ?? '', local, attrs, children };
}

/** Parses a request body into its root element; refuses DTDs, malformed XML and undeclared prefixes with 400. */
export function parseXml(body: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw badXml('Document type declarations are not accepted.');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw badXml(valid.err.msg);
  const nodes = parser.parse(body) as RawNode[];
  const roots = nodes.filter((node) => !('#text' in node));
  if (roots.length !== 1) throw badXml('Expected exactly one root element.');
  return resolveElement(roots[0], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

function isElement(node: XmlNode): node is XmlElement {
  return 'local' in node;
}

export function elements(element: XmlElement): XmlElement[] {
  return element.children.filter(isElement);
}

export function child(element: XmlElement, ns: string, local: string): XmlElement | undefined {
  return elements(element).find((e) => e.ns === ns && e.local === local);
}

export function is(element: XmlElement | undefined, ns: string, local: string): boolean {
  return element !== undefined && element.ns === ns && element.local === local;
}

const XML_SPECIAL = /[<>&"']/;
const TEXT_SPECIAL = /[<>&]/;

/** Escapes a value for an attribute (quotes included). */
export function escapeXml(text: string): string {
  // Most values (sizes, dates, plain names) need no escaping: testing first skips building a new string for them.
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Escapes a value for element content, where quotes are plain characters (an ETag keeps its quotes as they are). */
export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/** Serializes nodes so they stand alone anywhere: each element declares its own default namespace. */
export function serializeNodes(nodes: XmlNode[]): string {
  return nodes
    .map((node) => {
      if (!isElement(node)) return escapeXml(node.text);
      const attrs = Object.entries(node.attrs)
        .filter(([name]) => !name.includes(':'))
        .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
        .join('');
      return `<${node.local} xmlns="${escapeXml(node.ns)}"${attrs}>${serializeNodes(node.children)}</${node.local}>`;
    })
    .join('');
}

/** A property element: DAV: ones with the `D:` prefix declared on the root, others with their own default namespace. */
export function propElement(ns: string, local: string, inner = ''): string {
  if (ns === DAV) return inner ? `<D:${local}>${inner}</D:${local}>` : `<D:${local}/>`;
  return inner ? `<${local} xmlns="${escapeXml(ns)}">${inner}</${local}>` : `<${local} xmlns="${escapeXml(ns)}"/>`;
}

export const XML_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n';
