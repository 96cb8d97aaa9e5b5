import type { Readable } from 'node:stream';
import type { OfficeFormat } from './office-text';

/**
 * Text extraction for the search index, by type: plain text formats are decoded, PDFs go through unpdf (PDF.js),
 * Office and OpenDocument files are unzipped. Other types (images, audio, archives…) are found by name only.
 */

/** Larger files are indexed by name only: reading them whole into memory is not worth it. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
/** About 2 MB of text is plenty to find a document by; the rest is not indexed. */
export const MAX_TEXT_CHARS = 2_000_000;

export type Extractor = 'text' | 'pdf' | OfficeFormat;

const extractors: Record<string, Extractor> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/csv': 'text',
  'application/json': 'text',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odf',
  'application/vnd.oasis.opendocument.spreadsheet': 'odf',
  'application/vnd.oasis.opendocument.presentation': 'odf',
};

/** How to read a MIME type, or null when its files are indexed by name only. */
export function extractorFor(mimeType: string): Extractor | null {
  return extractors[mimeType] ?? null;
}

/** Reads a stream whole, or answers null (and stops reading) as soon as it passes `maxBytes`. */
export async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** UTF-8 with a BOM or not; invalid bytes become U+FFFD rather than an error. */
function decodeText(bytes: Uint8Array, maxChars: number): string {
  // Four bytes per character at most: decoding more than that cannot add characters we keep.
  return new TextDecoder('utf-8').decode(bytes.subarray(0, maxChars * 4)).slice(0, maxChars);
}

type PdfPage = { getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void };
type PdfDocument = { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };

async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  // Loaded on first use: PDF.js is large and most processes never index a PDF.
  const { getDocumentProxy } = await import('unpdf');
  // A copy: PDF.js may take ownership of (detach) the buffer it is given.
  const pdf = (await getDocumentProxy(new Uint8Array(bytes), {
    verbosity: 0,
    isEvalSupported: false,
    stopAtErrors: false,
  })) as unknown as PdfDocument;
  try {
    let out = '';
    for (let number = 1; number <= pdf.numPages && out.length < maxChars; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) {
        const entry = item as { str?: unknown; hasEOL?: unknown };
        // PDF.js emits the spaces between words as text of their own, so runs are joined as they come.
        if (typeof entry.str === 'string') out += entry.str;
        if (entry.hasEOL) out += '\n';
      }
      out += '\n';
      page.cleanup();
    }
    return out;
  } finally {
    await pdf.destroy();
  }
}

/** The text of a file (at most about `maxChars` characters). Throws when the file is damaged or not what it claims. */
export async function extractText(
  bytes: Uint8Array,
  extractor: Extractor,
  maxChars: number = MAX_TEXT_CHARS,
): Promise<string> {
  switch (extractor) {
    case 'text':
      return decodeText(bytes, maxChars);
    case 'pdf':
      return pdfText(bytes, maxChars);
    default: {
      // Loaded by the indexing job only, like unpdf: the serving process does not carry the unzip code.
      const { officeText } = await import('./office-text');
      return officeText(bytes, extractor, maxChars);
    }
  }
}
