import { describe, expect, it } from 'vitest';
import { httpDate } from './webdav.props';

describe('HTTP dates of WebDAV listings', () => {
  it('match what Date#toUTCString writes, for timestamps across years, leap days and day boundaries', () => {
    const samples = [
      '2024-02-29T23:59:59.999Z',
      '2026-11-23T00:00:00.000Z',
      '1999-12-31T12:34:56Z',
      '2100-03-01T05:06:07.1Z',
    ];
    for (let i = 0; i < 2000; i += 1) samples.push(new Date(Date.UTC(1970, 0, 1) + i * 1_234_567_891).toISOString());
    for (const iso of samples) expect(httpDate(iso)).toBe(new Date(iso).toUTCString());
  });

  it('fall back to the Date parser for anything that is not a plain UTC ISO timestamp', () => {
    expect(httpDate('2026-11-23T10:00:00+02:00')).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
  });
});
