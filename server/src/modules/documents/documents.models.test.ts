import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  copyName,
  etagMatches,
  mimeTypeFromName,
  nameKey,
  parseRange,
  servedContentType,
  versionsToPrune,
} from './documents.models';

describe('content types', () => {
  it('come from the extension, case-insensitively, and unknown extensions are octet-stream', () => {
    expect(mimeTypeFromName('Report.PDF')).toBe('application/pdf');
    expect(mimeTypeFromName('photo.jpeg')).toBe('image/jpeg');
    expect(mimeTypeFromName('archive.tar.xz')).toBe('application/octet-stream');
    expect(mimeTypeFromName('no-extension')).toBe('application/octet-stream');
  });

  it('HTML, SVG, XML, JavaScript and unknown types are always served as octet-stream, never inline', () => {
    for (const name of ['page.html', 'page.htm', 'logo.svg', 'feed.xml', 'app.js', 'page.xhtml', 'thing.bin']) {
      expect(servedContentType(mimeTypeFromName(name))).toEqual({
        type: 'application/octet-stream',
        inlineAllowed: false,
      });
    }
  });

  it('PDF, pictures, plain text, audio and video may be previewed inline with their own type', () => {
    expect(servedContentType('application/pdf')).toEqual({ type: 'application/pdf', inlineAllowed: true });
    expect(servedContentType('image/webp').inlineAllowed).toBe(true);
    expect(servedContentType('video/mp4').inlineAllowed).toBe(true);
    expect(servedContentType('text/plain')).toEqual({ type: 'text/plain; charset=utf-8', inlineAllowed: true });
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name percent-encoded (RFC 6266 / 5987)', () => {
    expect(contentDisposition('attachment', 'Équipe été.pdf')).toBe(
      `attachment; filename="Equipe ete.pdf"; filename*=UTF-8''%C3%89quipe%20%C3%A9t%C3%A9.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes, CR/LF or percent signs in the name', () => {
    const header = contentDisposition('attachment', 'a"b\\c\r\nSet-Cookie: x=1; 100%.txt');
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1];
    expect(fallback).toBe('a_b_cSet-Cookie: x=1; 100_.txt');
    expect(header).toContain(`filename*=UTF-8''a%22b%5Cc`);
  });

  it('drops direction overrides so "evil\\u202Efdp.exe" cannot pose as a PDF', () => {
    const header = contentDisposition('inline', 'evil\u202efdp.exe');
    expect(header).toBe(`inline; filename="evilfdp.exe"; filename*=UTF-8''evilfdp.exe`);
  });

  it('escapes the characters RFC 5987 does not allow bare, and never sends an empty name', () => {
    expect(contentDisposition('attachment', "it's (1)*.txt")).toContain("filename*=UTF-8''it%27s%20%281%29%2A.txt");
    expect(contentDisposition('attachment', '\u202e')).toContain('filename="download"');
  });
});

describe('byte ranges', () => {
  it('serve the first byte, the last byte, a middle slice, an open end and a suffix', () => {
    expect(parseRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=99-99', 100)).toEqual({ start: 99, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 });
  });

  it('are unsatisfiable past the end of the file or on an empty file', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
  });

  it('are ignored (whole file) when absent, of another unit, several, or malformed', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-6', 'bytes=5-2', 'bytes=-', 'bytes=abc']) {
      expect(parseRange(header, 100)).toBeNull();
    }
  });
});

describe('conditional requests', () => {
  it('If-None-Match matches the ETag in a list, weakly, or with a star', () => {
    const etag = '"abc"';
    expect(etagMatches('"abc"', etag)).toBe(true);
    expect(etagMatches('"x", W/"abc"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"abcd"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe('version retention', () => {
  const day = 86_400_000;
  const now = new Date('2025-06-30T00:00:00Z');
  const versions = [1, 2, 3, 4, 5].map((number) => ({
    id: `v${number}`,
    number,
    created_at: new Date(now.getTime() - (6 - number) * 10 * day).toISOString(),
  }));

  it('keeps the newest N versions', () => {
    const pruned = versionsToPrune(versions, { currentId: 'v5', keepVersions: 2, keepDays: null, now });
    expect(pruned.map((v) => v.number).sort()).toEqual([1, 2, 3]);
  });

  it('drops versions older than N days', () => {
    const pruned = versionsToPrune(versions, { currentId: 'v5', keepVersions: null, keepDays: 25, now });
    expect(pruned.map((v) => v.number).sort()).toEqual([1, 2, 3]);
  });

  it('never drops the current version, even when it is the oldest', () => {
    const pruned = versionsToPrune(versions, { currentId: 'v1', keepVersions: 1, keepDays: 1, now });
    expect(pruned.map((v) => v.id)).not.toContain('v1');
    expect(pruned).toHaveLength(4);
  });

  it('keeps everything when the space sets no limit', () => {
    expect(versionsToPrune(versions, { currentId: 'v5', keepVersions: null, keepDays: null, now })).toEqual([]);
  });
});

describe('names', () => {
  it('compare case-insensitively and copies keep their extension last', () => {
    expect(nameKey('Report.PDF')).toBe(nameKey('report.pdf'));
    expect(copyName('Report.pdf', 1)).toBe('Report (copy).pdf');
    expect(copyName('Report.pdf', 3)).toBe('Report (copy 3).pdf');
    expect(copyName('README', 1)).toBe('README (copy)');
    expect(copyName(`${'x'.repeat(252)}.pdf`, 2).length).toBeLessThanOrEqual(255);
  });
});
