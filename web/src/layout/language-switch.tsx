import { Button } from '@mantine/core';
import { supportedLocales, useLocale, useT } from '../lib/i18n';

/** Two small toggle buttons; each is named in its own language so a reader of either can find it. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Button.Group aria-label={t('layout.language')}>
      {supportedLocales.map((code) => (
        <Button
          key={code}
          size="compact-sm"
          variant={locale === code ? 'filled' : 'default'}
          aria-pressed={locale === code}
          aria-label={code === 'en' ? 'English' : 'Français'}
          lang={code}
          onClick={() => setLocale(code)}
        >
          {code.toUpperCase()}
        </Button>
      ))}
    </Button.Group>
  );
}
