import type { MailMessage } from '../../core/mail/mail';

type Locale = 'en' | 'fr';
type RequestFacts = {
  to: string;
  locale: string;
  recipientName: string;
  requestedBy: string;
  title: string;
  url: string;
};

const formatDay = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const pick = (locale: string): Locale => (locale === 'fr' ? 'fr' : 'en');
const bullets = (items: string[]) => items.map((item) => `  - ${item}`).join('\n');

/** The request itself: the list of documents, the due date, the upload page. */
export function requestMail(input: RequestFacts & { items: string[]; dueAt: string; message: string }): MailMessage {
  const locale = pick(input.locale);
  const due = formatDay(input.dueAt, locale);
  const note = input.message ? `\n${input.message}\n` : '';
  if (locale === 'fr') {
    return {
      to: input.to,
      subject: `${input.requestedBy} vous demande des documents : ${input.title}`,
      text: `Bonjour ${input.recipientName},\n\n${input.requestedBy} vous demande les documents suivants avant le ${due} :\n${bullets(input.items)}\n${note}\nDéposez-les ici : ${input.url}\n`,
    };
  }
  return {
    to: input.to,
    subject: `${input.requestedBy} asks you for documents: ${input.title}`,
    text: `Hello ${input.recipientName},\n\n${input.requestedBy} asks you for the following documents by ${due}:\n${bullets(input.items)}\n${note}\nUpload them here: ${input.url}\n`,
  };
}

/** Sent by the reminder job: before the due date, and once after it while items are still missing. */
export function reminderMail(
  input: RequestFacts & { missing: string[]; dueAt: string; overdue: boolean },
): MailMessage {
  const locale = pick(input.locale);
  const due = formatDay(input.dueAt, locale);
  if (locale === 'fr') {
    const when = input.overdue ? `L'échéance du ${due} est passée.` : `L'échéance est le ${due}.`;
    return {
      to: input.to,
      subject: `Rappel : documents attendus — ${input.title}`,
      text: `Bonjour ${input.recipientName},\n\n${when} ${input.requestedBy} attend encore :\n${bullets(input.missing)}\n\nDéposez-les ici : ${input.url}\n`,
    };
  }
  const when = input.overdue ? `The due date (${due}) has passed.` : `They are due on ${due}.`;
  return {
    to: input.to,
    subject: `Reminder: documents still expected — ${input.title}`,
    text: `Hello ${input.recipientName},\n\n${when} ${input.requestedBy} is still waiting for:\n${bullets(input.missing)}\n\nUpload them here: ${input.url}\n`,
  };
}

/** A rejected item, with the manager's reason: the recipient may upload again. */
export function rejectionMail(input: RequestFacts & { item: string; comment: string }): MailMessage {
  if (pick(input.locale) === 'fr') {
    return {
      to: input.to,
      subject: `Document à renvoyer : ${input.item}`,
      text: `Bonjour ${input.recipientName},\n\n${input.requestedBy} n'a pas pu accepter « ${input.item} » :\n\n${input.comment}\n\nMerci d'en déposer un nouveau ici : ${input.url}\n`,
    };
  }
  return {
    to: input.to,
    subject: `Please send again: ${input.item}`,
    text: `Hello ${input.recipientName},\n\n${input.requestedBy} could not accept "${input.item}":\n\n${input.comment}\n\nPlease upload a new one here: ${input.url}\n`,
  };
}

/** Tells the manager who asked that something arrived. */
export function receivedMail(input: {
  to: string;
  locale: string | null;
  from: string;
  title: string;
  item: string;
  url: string;
}): MailMessage {
  if (input.locale === 'fr') {
    return {
      to: input.to,
      subject: `Document reçu : ${input.item} (${input.title})`,
      text: `${input.from} a déposé un fichier pour « ${input.item} » (${input.title}).\n\nÀ examiner ici : ${input.url}\n`,
    };
  }
  return {
    to: input.to,
    subject: `Document received: ${input.item} (${input.title})`,
    text: `${input.from} uploaded a file for "${input.item}" (${input.title}).\n\nReview it here: ${input.url}\n`,
  };
}
