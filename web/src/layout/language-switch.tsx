import { Button, VisuallyHidden } from '@mantine/core';
import { supportedLocales, useLocale, useT } from '../lib/i18n';

/**
 * Two small toggle buttons; each is named in its own language so a reader of either can find it. The name starts
 * with the visible code ("EN") so people who speak their commands can say what they see (WCAG 2.5.3).
 */
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
          lang={code}
          onClick={() => setLocale(code)}
        >
          {code.toUpperCase()}
          <VisuallyHidden component="span">{code === 'en' ? ' English' : ' Français'}</VisuallyHidden>
        </Button>
      ))}
    </Button.Group>
  );
}
