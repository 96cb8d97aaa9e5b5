import { defineSettings, positiveInt, type SettingValues } from '../../core/config/setting';

/** Settings of the document library. */
export const documentsSettings = defineSettings({
  MAX_UPLOAD_BYTES: {
    schema: positiveInt.default(10 * 1024 ** 3),
    doc: 'Largest file accepted in one upload (default 10 GiB).',
  },
});

declare module '../../core/config/config' {
  interface ModuleSettings extends SettingValues<typeof documentsSettings> {}
}
