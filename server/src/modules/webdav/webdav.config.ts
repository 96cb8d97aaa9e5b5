import { z } from 'zod';
import { defineSettings, type SettingValues } from '../../core/config/setting';

/** Settings of the WebDAV drive. */
export const webdavSettings = defineSettings({
  WEBDAV_LISTING_CACHE_MB: {
    schema: z.coerce.number().int().min(0).default(64),
    doc: 'Memory kept per instance for WebDAV listings of large folders, served again while unchanged (0: off).',
  },
});

declare module '../../core/config/config' {
  interface ModuleSettings extends SettingValues<typeof webdavSettings> {}
}
