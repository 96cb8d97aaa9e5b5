import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/dialect';
import { extractorFor, extractText, readCapped } from './extract';
import { decodeEntities, xmlText } from './office-text';
import { minimalDocx, minimalOdt, minimalPdf, minimalPptx, minimalXlsx } from './search.test-fixtures';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe(`text extraction (${testDialect} project)`, () => {
  it('plain text, Markdown, CSV and JSON are decoded as UTF-8, with or without a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Facturé, réglée\n')]);
    for (const type of ['text/plain', 'text/markdown', 'text/csv', 'application/json']) {
      const extractor = extractorFor(type);
      expect(extractor).toBe('text');
      expect((await extractText(bytes, 'text')).trim()).toBe('Facturé, réglée');
    }
    expect(await extractText(Buffer.from([0x66, 0xff, 0x6f]), 'text')).toBe('f\ufffdo');
  });

  it('a PDF gives the text of its pages', async () => {
    const text = await extractText(minimalPdf('Hello quarterly invoice (draft)'), 'pdf');
    expect(words(text)).toEqual(['Hello', 'quarterly', 'invoice', '(draft)']);
  });

  it('a Word document gives its paragraphs, runs joined, without deleted text or field codes', async () => {
    const text = await extractText(minimalDocx(['Quarterly report', 'Second paragraph &amp; more']), 'docx');
    expect(words(text)).toEqual(['Quarterly', 'report', 'Second', 'paragraph', '&', 'more']);
  });

  it('a PowerPoint deck gives the text of its slides in slide order', async () => {
    const slides = Array.from({ length: 11 }, (_, i) => `slide${i + 1}word`);
    expect(words(await extractText(minimalPptx(slides), 'pptx'))).toEqual(slides);
  });

  it('a workbook gives its shared and inline strings, not its numbers', async () => {
    const text = await extractText(minimalXlsx(['Revenue', 'Nord-Est'], 'inline note'), 'xlsx');
    expect(words(text).sort()).toEqual(['Nord-Est', 'Revenue', 'inline', 'note']);
  });

  it('an OpenDocument text gives headings and paragraphs, styles left out', async () => {
    expect(words(await extractText(minimalOdt('Chapitre un', 'Le contrat'), 'odf'))).toEqual([
      'Chapitre',
      'un',
      'Le',
      'contrat',
      'tail',
    ]);
    expect(extractorFor('application/vnd.oasis.opendocument.spreadsheet')).toBe('odf');
    expect(extractorFor('application/vnd.oasis.opendocument.presentation')).toBe('odf');
  });

  it('images, archives and unknown types have no extractor (they are found by name)', () => {
    for (const type of ['image/png', 'application/zip', 'application/octet-stream', 'text/html', 'image/svg+xml']) {
      expect(extractorFor(type)).toBeNull();
    }
  });

  it('XML entities are decoded, but entities a DTD would define are dropped, never expanded', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#233;t&#xE9; &#x1F600; &#0; &#xD800; &unknown;')).toBe(
      'a & b <c> été 😀   ',
    );
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d><w:p><w:t>safe &xxe; text</w:t></w:p><!-- hidden --></d>';
    expect(words(xmlText(xml, { textElements: new Set(['w:t']), breakElements: new Set(['w:p']) }, 1000))).toEqual([
      'safe',
      'text',
    ]);
  });

  it('damaged files throw (the job then indexes the name only)', async () => {
    await expect(extractText(strToU8('not a zip at all'), 'docx')).rejects.toThrow();
    await expect(extractText(strToU8('%PDF-1.4 garbage'), 'pdf')).rejects.toThrow();
  });

  it('a part that inflates beyond the budget is not inflated at all', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(41 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await extractText(bomb, 'docx')).toBe('');
  });

  it('extracted text stops near the character cap', async () => {
    const long = minimalDocx(Array.from({ length: 2000 }, () => 'lorem ipsum dolor sit amet'));
    expect((await extractText(long, 'docx', 1000)).length).toBeLessThan(1200);
    expect((await extractText(Buffer.from('x'.repeat(5000)), 'text', 1000)).length).toBe(1000);
  });

  it('reading a blob stops as soon as it passes the byte cap', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 1));
    expect(await readCapped(Readable.from(chunks), 5000)).toBeNull();
    expect((await readCapped(Readable.from(chunks), 10_000))?.length).toBe(10_000);
  });
});
