import type { Locale } from '../locales';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: Locale, withTime: boolean) => {
  const key = `${locale}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
};

export const formatDate = (iso: string | null | undefined, locale: Locale) =>
  iso ? formatter(locale, false).format(new Date(iso)) : '';
export const formatDateTime = (iso: string | null | undefined, locale: Locale) =>
  iso ? formatter(locale, true).format(new Date(iso)) : '';

/** `<input type="date">` value (local day) → ISO instant at the end of that day, or null when empty. */
export const endOfDayIso = (day: string): string | null => (day ? new Date(`${day}T23:59:59`).toISOString() : null);
/** `<input type="date">` value (local day) → ISO instant at the start of that day, or undefined when empty. */
export const startOfDayIso = (day: string): string | undefined =>
  day ? new Date(`${day}T00:00:00`).toISOString() : undefined;

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Today as `YYYY-MM-DD` in local time, for `min` on date inputs. */
export const todayInput = () => localDay(new Date());
/** ISO instant → the local day it falls on, as an `<input type="date">` value ('' when null). */
export const dayInput = (iso: string | null | undefined) => (iso ? localDay(new Date(iso)) : '');

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** `2.1 GB` / `2,1 Go`: decimal units (1 kB = 1000 bytes), as disks and most file managers count. */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'unit',
    unit: byteUnits[unit],
    // "512 byte" reads wrong in English: whole bytes are spelled out ("512 bytes", "512 octets").
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}
