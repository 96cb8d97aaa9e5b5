import { allSettings } from './config';

/** The settings as a Markdown table: the README embeds it, and a test fails when the two drift apart. */
export function configTable(): string {
  const rows = Object.entries(allSettings()).map(([name, setting]) => {
    const parsed = setting.schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
    return `| \`${name}\` | ${fallback} | ${setting.doc.replace(/\|/g, '\\|')} |`;
  });
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
