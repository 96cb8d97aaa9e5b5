import { type CSSVariablesResolver, createTheme, mergeThemeOverrides } from '@mantine/core';
import { useMemo } from 'react';
import { type Translate, useT } from './lib/i18n';

const PRIMARY_SHADE = 7;
// WCAG 2.x AA for body text (1.4.3), with a little room for the grey backgrounds of tables and headers.
const TEXT_CONTRAST = 4.7;

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as Rgb;
const hexOf = (color: Rgb) => `#${color.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;
const luminance = (color: Rgb) => {
  const [r, g, b] = color.map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG contrast ratio of two `#rrggbb` colours. */
export const contrastRatio = (a: string, b: string) => contrast(rgb(a), rgb(b));

function contrast(a: Rgb, b: Rgb) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The background of `light` variants: the primary shade at 10 % over white. */
export const lightTint = (shades: readonly string[]) =>
  rgb(shades[PRIMARY_SHADE]).map((value) => value * 0.1 + 255 * 0.9) as Rgb;

/**
 * The text colour of `light` and `subtle` variants (badges, avatars, subtle buttons). Mantine uses the primary shade,
 * which on its own 10 % tint falls under 4.5:1 for most colours: take the first darker shade that reads, darkening
 * the last one further for the pale hues (yellow, lime) that never do.
 */
export function readableLightColor(shades: readonly string[]): string {
  const tint = lightTint(shades);
  for (const shade of shades.slice(PRIMARY_SHADE)) if (contrast(rgb(shade), tint) >= TEXT_CONTRAST) return shade;
  let color = rgb(shades[shades.length - 1]);
  while (contrast(color, tint) < TEXT_CONTRAST) color = color.map((value) => value * 0.95) as Rgb;
  return hexOf(color);
}

export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    // Mantine's dimmed (gray 6) is 3.3:1 on white; this grey, between gray 6 and 7, reads on white and gray 0–1.
    '--mantine-color-dimmed': '#5c636a',
    ...Object.fromEntries(
      Object.entries(theme.colors).map(([name, shades]) => [
        `--mantine-color-${name}-light-color`,
        readableLightColor(shades),
      ]),
    ),
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: PRIMARY_SHADE, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Every field of our forms is required unless its hint says "Optional": no asterisks, and labels stay exact
    // for assistive technology and tests (`getByLabel('Email', { exact: true })`).
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    Textarea: { defaultProps: { withAsterisk: false } },
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
  },
});

/** Defaults that speak the reader's language: the × of every modal and drawer is an icon that needs a name. */
const localized = (t: Translate) =>
  mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
    },
  });

export function useLocalizedTheme() {
  const t = useT();
  return useMemo(() => localized(t), [t]);
}
