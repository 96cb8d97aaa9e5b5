import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config/config';
import type { Deps } from '../context';
import type { DbOrTrx } from '../db/database';
import { newId } from '../ids';
import { enqueueJob } from '../jobs/jobs';

export const MAIL_JOB = 'mail.send';

const MailMessage = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
});
export type MailMessage = z.infer<typeof MailMessage>;

/** Queues an e-mail in the caller's transaction; the job runner sends it with retries. */
export async function enqueueMail(trx: DbOrTrx, now: Date, message: MailMessage) {
  await enqueueJob(trx, now, { kind: MAIL_JOB, payload: message, maxAttempts: 10 });
}

type Sender = (message: MailMessage) => Promise<void>;

/** nodemailer is loaded by the first message sent, not at start: a process may run for hours without mailing. */
function lazyTransport(
  options: Parameters<typeof import('nodemailer').createTransport>[0],
): () => Promise<Transporter> {
  let transport: Promise<Transporter> | null = null;
  return () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options));
    return transport;
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes DATA_DIR/outbox/<time>-<id>.eml (written to a temporary
 * name, then renamed, so a reader never sees half a message) and is logged — nothing is lost without a mail server.
 */
export function createMailSender(config: Config, logger: Deps['logger']): Sender {
  if (config.SMTP_URL) {
    const transport = lazyTransport(config.SMTP_URL);
    return async (message) => {
      await (await transport()).sendMail({ from: config.MAIL_FROM, ...message });
    };
  }
  const outbox = join(config.dataDir, 'outbox');
  const builder = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await (await builder()).sendMail({ from: config.MAIL_FROM, ...message });
    mkdirSync(outbox, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.eml`;
    const temporary = join(outbox, `.${name}.tmp`);
    writeFileSync(temporary, info.message as Buffer);
    renameSync(temporary, join(outbox, name));
    logger.info({ to: message.to, subject: message.subject, file: name }, 'mail written to outbox (no SMTP_URL)');
  };
}

export function mailJobHandler(send: Sender) {
  return async (payload: unknown) => {
    await send(MailMessage.parse(payload));
  };
}
