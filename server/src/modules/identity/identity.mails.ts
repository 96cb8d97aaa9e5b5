import type { RequestContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { enqueueMail, type MailMessage } from '../../core/mail/mail';

type Locale = 'en' | 'fr';
const pick = (locale: string | null | undefined): Locale => (locale === 'fr' ? 'fr' : 'en');
const formatDate = (date: Date, locale: Locale) =>
  date.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) +
  ' UTC';

/** The e-mails Gatehouse sends about identity, in the recipient's language (English when unknown). */
export function invitationMail(input: {
  to: string;
  locale: string | null;
  name: string;
  organizationName: string;
  invitedBy: string | null;
  spaceName: string | null;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const locale = pick(input.locale);
  const until = formatDate(input.expiresAt, locale);
  if (locale === 'fr') {
    const where = input.spaceName ? ` à l'espace « ${input.spaceName} »` : '';
    return {
      to: input.to,
      subject: `Invitation${where ? where : ''} sur l'extranet`,
      text: `Bonjour ${input.name},\n\n${input.invitedBy ?? 'Un administrateur'} vous invite${where} (${input.organizationName}).\n\nChoisissez votre mot de passe ici : ${input.url}\n\nCe lien est valable jusqu'au ${until} et ne sert qu'une fois.\n`,
    };
  }
  const where = input.spaceName ? ` to the space "${input.spaceName}"` : '';
  return {
    to: input.to,
    subject: `You are invited${where} on the extranet`,
    text: `Hello ${input.name},\n\n${input.invitedBy ?? 'An administrator'} invites you${where} (${input.organizationName}).\n\nChoose your password here: ${input.url}\n\nThis link works once and until ${until}.\n`,
  };
}

export function passwordResetMail(input: {
  to: string;
  locale: string | null;
  name: string;
  url: string;
  minutes: number;
}): MailMessage {
  if (pick(input.locale) === 'fr') {
    return {
      to: input.to,
      subject: 'Réinitialisation de votre mot de passe',
      text: `Bonjour ${input.name},\n\nPour choisir un nouveau mot de passe, ouvrez : ${input.url}\n\nCe lien ne sert qu'une fois et expire dans ${input.minutes} minutes. Si vous n'avez rien demandé, ignorez ce message.\n`,
    };
  }
  return {
    to: input.to,
    subject: 'Reset your password',
    text: `Hello ${input.name},\n\nTo choose a new password, open: ${input.url}\n\nThis link works once and expires in ${input.minutes} minutes. If you did not ask for it, ignore this message.\n`,
  };
}

/** Sent after any change to how a person signs in, so a takeover does not go unnoticed. */
function securityNoticeMail(input: {
  to: string;
  locale: string | null;
  name: string;
  change:
    | 'password_changed'
    | 'password_reset'
    | 'two_factor_enabled'
    | 'two_factor_disabled'
    | 'recovery_codes_regenerated';
  at: Date;
  ip: string | null;
}): MailMessage {
  const locale = pick(input.locale);
  const when = formatDate(input.at, locale);
  const changes = {
    en: {
      password_changed: 'your password was changed',
      password_reset: 'your password was reset',
      two_factor_enabled: 'two-factor authentication was turned on',
      two_factor_disabled: 'two-factor authentication was turned off',
      recovery_codes_regenerated: 'new recovery codes were generated',
    },
    fr: {
      password_changed: 'votre mot de passe a été modifié',
      password_reset: 'votre mot de passe a été réinitialisé',
      two_factor_enabled: "l'authentification à deux facteurs a été activée",
      two_factor_disabled: "l'authentification à deux facteurs a été désactivée",
      recovery_codes_regenerated: 'de nouveaux codes de secours ont été générés',
    },
  };
  const what = changes[locale][input.change];
  if (locale === 'fr') {
    return {
      to: input.to,
      subject: 'Modification de la sécurité de votre compte',
      text: `Bonjour ${input.name},\n\nLe ${when}, ${what} (adresse IP : ${input.ip ?? 'inconnue'}).\n\nSi ce n'est pas vous, contactez immédiatement votre administrateur.\n`,
    };
  }
  return {
    to: input.to,
    subject: 'A security change on your account',
    text: `Hello ${input.name},\n\nOn ${when}, ${what} (IP address: ${input.ip ?? 'unknown'}).\n\nIf this was not you, contact your administrator at once.\n`,
  };
}

/** Queues the security notice in the caller's transaction; the caller wakes the job runner after commit. */
export async function queueSecurityNotice(
  trx: DbOrTrx,
  ctx: Pick<RequestContext, 'clock' | 'ip'>,
  person: { email: string; locale: string | null; name: string },
  change: Parameters<typeof securityNoticeMail>[0]['change'],
): Promise<void> {
  const now = ctx.clock.now();
  await enqueueMail(
    trx,
    now,
    securityNoticeMail({ to: person.email, locale: person.locale, name: person.name, change, at: now, ip: ctx.ip }),
  );
}
