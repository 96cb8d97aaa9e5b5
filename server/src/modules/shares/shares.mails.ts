import type { MailMessage } from '../../core/mail/mail';

type Locale = 'en' | 'fr';
export const mailLocale = (locale: string | null | undefined): Locale => (locale === 'fr' ? 'fr' : 'en');
const formatDate = (iso: string, locale: Locale) =>
  `${new Date(iso).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  })} UTC`;

/** The link itself, sent to its recipient when the creator asks. The password, if any, is never in it. */
export function shareLinkMail(input: {
  to: string;
  locale: Locale;
  from: string;
  name: string;
  url: string;
  expiresAt: string;
  hasPassword: boolean;
}): MailMessage {
  const until = formatDate(input.expiresAt, input.locale);
  if (input.locale === 'fr') {
    const password = input.hasPassword ? "\nLe mot de passe vous sera communiqué à part par l'expéditeur.\n" : '';
    return {
      to: input.to,
      subject: `${input.from} vous partage « ${input.name} »`,
      text: `Bonjour,\n\n${input.from} vous partage « ${input.name} ».\n\nOuvrir : ${input.url}\n${password}\nCe lien est valable jusqu'au ${until}.\n`,
    };
  }
  const password = input.hasPassword ? '\nThe sender will give you the password separately.\n' : '';
  return {
    to: input.to,
    subject: `${input.from} shared "${input.name}" with you`,
    text: `Hello,\n\n${input.from} shared "${input.name}" with you.\n\nOpen: ${input.url}\n${password}\nThis link works until ${until}.\n`,
  };
}

/**
 * The one-time code. It is typed into the page and sent by POST: a mail scanner that follows the link in this
 * message burns nothing (the link does not carry the code).
 */
export function shareCodeMail(input: { to: string; code: string; url: string; minutes: number }): MailMessage {
  return {
    to: input.to,
    subject: `Your access code: ${input.code} / Votre code d'accès : ${input.code}`,
    text:
      `Your code to open the shared link ${input.url} is ${input.code}. It works once, for ${input.minutes} minutes.\n\n` +
      `Votre code pour ouvrir le lien partagé ${input.url} est ${input.code}. Il ne sert qu'une fois, pendant ${input.minutes} minutes.\n`,
  };
}
