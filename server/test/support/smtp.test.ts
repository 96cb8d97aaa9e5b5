import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressesOf, type MailCatcher, startMailCatcher } from './smtp';

describe('mail catcher', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher();
  });
  afterAll(async () => {
    await catcher?.close();
  });

  it('captures a message sent with nodemailer over plain SMTP', async () => {
    const transport = nodemailer.createTransport(catcher.url);
    try {
      await transport.sendMail({
        from: 'Gatehouse <noreply@gatehouse.test>',
        to: 'Alice Example <alice@example.test>',
        subject: 'Welcome to the data room',
        text: 'Hello Alice,\nyou have been invited.',
      });
    } finally {
      transport.close();
    }

    const mail = await catcher.waitFor((m) => addressesOf(m.to).includes('alice@example.test'));
    expect(mail.subject).toBe('Welcome to the data room');
    expect(addressesOf(mail.to)).toEqual(['alice@example.test']);
    expect(mail.from?.value[0]?.address).toBe('noreply@gatehouse.test');
    expect(mail.text).toContain('you have been invited.');
    expect(catcher.messages).toHaveLength(1);
  });

  it('waitFor rejects with a helpful message on timeout', async () => {
    await expect(catcher.waitFor((m) => m.subject === 'never sent', 100)).rejects.toThrow(/No matching mail/);
  });
});
