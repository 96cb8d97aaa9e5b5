import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export type { MessageKey, Messages };
export type Locale = 'en' | 'fr';

/** Every catalogue, for the i18n runtime and for the test that checks each error code is translated. */
export const locales: Record<Locale, Messages> = { en, fr };
export { en, fr };
