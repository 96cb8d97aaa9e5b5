import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, lightTint, readableLightColor, theme } from './theme';

const hex = (rgb: number[]) => `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;

describe('theme colours', () => {
  it.each(Object.entries(DEFAULT_THEME.colors))('text of a light %s badge reads at 4.5:1 on its tint', (_, shades) => {
    expect(contrastRatio(readableLightColor(shades), hex(lightTint(shades)))).toBeGreaterThanOrEqual(4.5);
  });

  it('dimmed text reads at 4.5:1 on white and on the grey of headers and tables', () => {
    const dimmed = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as typeof DEFAULT_THEME).light[
      '--mantine-color-dimmed'
    ];
    for (const background of ['#ffffff', DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]])
      expect(contrastRatio(dimmed, background)).toBeGreaterThanOrEqual(4.5);
  });
});
