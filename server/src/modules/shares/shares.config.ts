import type { RawConfig } from '../../core/config/config';
import { defineSettings, positiveInt, type SettingValues } from '../../core/config/setting';

/** Settings of share links: how long they last by default and at most. */
export const sharesSettings = defineSettings({
  SHARE_LINK_DEFAULT_DAYS: {
    schema: positiveInt.default(14),
    doc: 'Days a share link for people without an account stays valid unless its creator chooses otherwise.',
  },
  SHARE_LINK_MAX_DAYS: {
    schema: positiveInt.default(90),
    doc: 'Longest validity a share link may be given, in days (every link expires).',
  },
});

/** A default longer than the maximum would make every new link invalid. */
export function checkSharesSettings(config: RawConfig): string[] {
  return config.SHARE_LINK_DEFAULT_DAYS > config.SHARE_LINK_MAX_DAYS
    ? ['SHARE_LINK_DEFAULT_DAYS: must not exceed SHARE_LINK_MAX_DAYS']
    : [];
}

declare module '../../core/config/config' {
  interface ModuleSettings extends SettingValues<typeof sharesSettings> {}
}
