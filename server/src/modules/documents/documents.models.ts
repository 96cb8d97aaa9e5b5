import { extname } from 'node:path';

/** Case-insensitive uniqueness among live siblings: "Report.PDF" and "report.pdf" cannot live in the same folder. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Content types by extension. The client's claimed type is never trusted: the name decides, and only for display. */
const typesByExtension: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.rtf': 'application/rtf',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
};

const OCTET_STREAM = 'application/octet-stream';

export function mimeTypeFromName(name: string): string {
  return typesByExtension[extname(name).toLowerCase()] ?? OCTET_STREAM;
}

/**
 * Types a browser may show inline because they cannot run script in our origin. HTML, SVG, XML, JavaScript and
 * anything unknown are absent on purpose: they are always sent as an attachment of type application/octet-stream.
 */
const inlineSafe = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'audio/mp4',
  'video/mp4',
  'video/webm',
  'video/quicktime',
]);

/** What we answer with: the sniffed type when it is harmless, octet-stream for everything that could be active. */
export function servedContentType(mimeType: string): { type: string; inlineAllowed: boolean } {
  if (!inlineSafe.has(mimeType)) return { type: OCTET_STREAM, inlineAllowed: false };
  return { type: mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType, inlineAllowed: true };
}

// Control characters, and bidi overrides/isolates that make "evil\u202Efdp.exe" look like "evilexe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point of this pattern.
const unsafeInName = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * RFC 6266 Content-Disposition with an ASCII fallback (RFC 2616 quoted-string, no quotes or backslashes) and the exact
 * name in RFC 5987 `filename*`. Control and bidi-override characters are dropped from both.
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const clean = name.replace(unsafeInName, '').trim() || 'download';
  const ascii = clean
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    // Some browsers percent-decode the fallback: a literal % would turn into something else.
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type ByteRange = { start: number; end: number };

/**
 * One `bytes=` range against a resource of `size` bytes (RFC 9110 §14.1.2). Answers `null` when the header should be
 * ignored (not bytes, several ranges, syntax we do not serve) and `'unsatisfiable'` for a range outside the file.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Whether an If-None-Match header matches our strong ETag (weak comparison, as RFC 9110 §13.1.2 requires). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

type VersionFacts = { id: string; number: number; created_at: string };

/**
 * Versions that retention removes: beyond the newest `keepVersions`, or older than `keepDays`. Each limit applies on
 * its own; the current version is never removed, whatever its age.
 */
export function versionsToPrune(
  versions: VersionFacts[],
  options: { currentId: string | null; keepVersions: number | null; keepDays: number | null; now: Date },
): VersionFacts[] {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const cutoff = options.keepDays === null ? null : options.now.getTime() - options.keepDays * 86_400_000;
  return newestFirst.filter((version, index) => {
    if (version.id === options.currentId) return false;
    const beyondCount = options.keepVersions !== null && index >= options.keepVersions;
    const tooOld = cutoff !== null && Date.parse(version.created_at) < cutoff;
    return beyondCount || tooOld;
  });
}

/** "Report.pdf" → "Report (copy).pdf", then "Report (copy 2).pdf"…: the extension stays last so the type does not change. */
export function copyName(name: string, attempt: number): string {
  const extension = extname(name);
  const base = extension && extension !== name ? name.slice(0, -extension.length) : name;
  const suffix = attempt === 1 ? ' (copy)' : ` (copy ${attempt})`;
  return `${base.slice(0, 255 - suffix.length - extension.length)}${suffix}${extension}`;
}

export function parseTags(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

/** Distinct tags, trimmed, in the order given. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

export const DEFAULT_LOCK_MINUTES = 60;

/** A lock counts only until it expires: expired locks are ignored everywhere, never cleaned up first. */
export function liveLockHolder(
  row: { lock_user_id: string | null; lock_expires_at: string | null },
  nowIso: string,
): string | null {
  if (!row.lock_user_id || !row.lock_expires_at) return null;
  return row.lock_expires_at > nowIso ? row.lock_user_id : null;
}
