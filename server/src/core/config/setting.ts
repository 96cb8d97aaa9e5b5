import { z } from 'zod';

/** One setting read from the environment: its schema (with the default) and the sentence the README shows. */
export type Setting = { schema: z.ZodType; doc: string };
export type SettingsFragment = Record<string, Setting>;

/** The parsed values of a group of settings, for the declaration that adds a module's settings to `Config`. */
export type SettingValues<S extends SettingsFragment> = { [K in keyof S]: z.output<S[K]['schema']> };

/** Declares a group of settings (core's, or a module's `<m>.config.ts` listed in its manifest's `config`). */
export function defineSettings<const S extends SettingsFragment>(settings: S): S {
  return settings;
}

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
export const positiveInt = z.coerce.number().int().positive();
