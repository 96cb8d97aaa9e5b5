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

/** Today as `YYYY-MM-DD` in local time, for `min` on date inputs. */
export const todayInput = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
