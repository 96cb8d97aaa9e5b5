import type { MailMessage } from '../../core/mail/mail';

type Activity = { document: string; folder: string; version: number; by: string | null };

/** The notice's title, in the follower's language (stored as written: a notice is a message, not a template). */
export function activityTitle(locale: string | null, activity: Activity): string {
  if (locale === 'fr') {
    return activity.version === 1
      ? `Nouveau fichier dans « ${activity.folder} » : ${activity.document}`
      : `Nouvelle version (v${activity.version}) de ${activity.document} dans « ${activity.folder} »`;
  }
  return activity.version === 1
    ? `New file in "${activity.folder}": ${activity.document}`
    : `New version (v${activity.version}) of ${activity.document} in "${activity.folder}"`;
}

export function activityBody(locale: string | null, activity: Activity): string {
  if (!activity.by) return '';
  return locale === 'fr' ? `Déposé par ${activity.by}.` : `Uploaded by ${activity.by}.`;
}

export function activityMail(input: {
  to: string;
  locale: string | null;
  title: string;
  body: string;
  url: string;
}): MailMessage {
  const unfollow =
    input.locale === 'fr'
      ? 'Vous suivez ce dossier. Pour ne plus recevoir ces messages, cessez de le suivre dans Gatehouse.'
      : 'You follow this folder. To stop these messages, unfollow it in Gatehouse.';
  return { to: input.to, subject: input.title, text: `${input.title}\n${input.body}\n\n${input.url}\n\n${unfollow}\n` };
}
