import { unzipSync } from 'fflate';

/**
 * Text of Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp) files: a zip of XML parts. Only the
 * parts that hold text are inflated, each within a size budget (zip bombs stop at the budget), and the XML is walked
 * with a tokenizer that keeps the character data of text elements: no DTD is read and no entity is defined, so
 * external entities and entity expansion cannot happen.
 */

/** Inflated bytes allowed per part and per file. */
const MAX_PART_BYTES = 40 * 1024 * 1024;
const MAX_TOTAL_BYTES = 80 * 1024 * 1024;
/** A real document has a few hundred entries; a forged entry count must not keep us looping. */
const MAX_ENTRIES = 20_000;

export type OfficeFormat = 'docx' | 'xlsx' | 'pptx' | 'odf';

type Layout = {
  /** Parts holding text, in reading order (numbered parts sort by number). */
  parts: RegExp;
  /** Elements whose character data is text. */
  textElements: Set<string>;
  /** Elements that separate words (paragraphs, tabs, line breaks, cells). */
  breakElements: Set<string>;
};

const layouts: Record<OfficeFormat, Layout> = {
  docx: {
    parts: /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/,
    // w:delText (deleted revisions) and w:instrText (field codes) are left out on purpose.
    textElements: new Set(['w:t']),
    breakElements: new Set(['w:p', 'w:tab', 'w:br', 'w:cr', 'w:tc']),
  },
  pptx: {
    parts: /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/,
    textElements: new Set(['a:t']),
    breakElements: new Set(['a:p', 'a:br', 'a:tab']),
  },
  xlsx: {
    // Shared strings hold most cell text; sheets may hold inline strings (<is><t>…</t></is>). Cell values (<v>) are
    // numbers or indexes into the shared strings and are left out.
    parts: /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/,
    textElements: new Set(['t']),
    breakElements: new Set(['si', 'is', 'c']),
  },
  odf: {
    parts: /^content\.xml$/,
    textElements: new Set(['text:p', 'text:h']),
    breakElements: new Set(['text:p', 'text:h', 'text:s', 'text:tab', 'text:line-break', 'table:table-cell']),
  },
};

const partOrder = (name: string) => {
  const number = /(\d+)\.xml$/.exec(name);
  return [name.replace(/\d+\.xml$/, ''), number ? Number(number[1]) : 0] as const;
};

function readParts(bytes: Uint8Array, wanted: RegExp): string[] {
  let entries = 0;
  let total = 0;
  const files = unzipSync(bytes, {
    filter(file) {
      entries += 1;
      if (entries > MAX_ENTRIES) throw new Error('Too many zip entries');
      if (!wanted.test(file.name) || (file.compression !== 0 && file.compression !== 8)) return false;
      // The declared size bounds the output buffer, so a part that lies about its size is cut, never larger.
      if (file.originalSize > MAX_PART_BYTES || total + file.originalSize > MAX_TOTAL_BYTES) return false;
      total += file.originalSize;
      return true;
    },
  });
  const decoder = new TextDecoder('utf-8');
  return Object.keys(files)
    .sort((a, b) => {
      const [baseA, numberA] = partOrder(a);
      const [baseB, numberB] = partOrder(b);
      return baseA === baseB ? numberA - numberB : baseA.localeCompare(baseB);
    })
    .map((name) => decoder.decode(files[name]));
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five XML entities and numeric references; anything else (DTD-defined entities) is dropped, never expanded. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (_, entity: string) => {
    if (entity[0] !== '#') return namedEntities[entity] ?? '';
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '';
  });
}

const xmlTokens = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)[^>]*?(\/?)>|([^<]+)/g;

/** Character data of the text elements of one XML part, with a space wherever a break element starts or ends. */
export function xmlText(xml: string, layout: Pick<Layout, 'textElements' | 'breakElements'>, maxChars: number): string {
  let out = '';
  let depth = 0;
  for (const match of xml.matchAll(xmlTokens)) {
    const [, cdata, closing, name, selfClosing, text] = match;
    if (text !== undefined || cdata !== undefined) {
      if (depth > 0) out += cdata ?? decodeEntities(text);
    } else if (name !== undefined) {
      if (layout.breakElements.has(name)) out += ' ';
      if (layout.textElements.has(name) && !selfClosing) depth = closing ? Math.max(0, depth - 1) : depth + 1;
    }
    if (out.length > maxChars) break;
  }
  return out;
}

/** The text of an Office or OpenDocument file, at most about `maxChars` characters. Throws on a damaged zip. */
export function officeText(bytes: Uint8Array, format: OfficeFormat, maxChars: number): string {
  const layout = layouts[format];
  let out = '';
  for (const part of readParts(bytes, layout.parts)) {
    out += ` ${xmlText(part, layout, maxChars - out.length)}`;
    if (out.length > maxChars) break;
  }
  return out;
}
