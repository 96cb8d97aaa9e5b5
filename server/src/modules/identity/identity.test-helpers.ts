import { generate } from 'otplib';
import { expect } from 'vitest';
import type { HttpClient } from '../../../test/http-client';
import type { MailCatcher, ParsedMail } from '../../../test/support/smtp';
import { addressesOf } from '../../../test/support/smtp';
import type { Db } from '../../core/db/database';

/** A TOTP code `steps` periods from now, as an authenticator app would show it. */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/**
 * Turns TOTP on for a signed-in client. Enabling consumes the current time step, so the next sign-in uses the code
 * of the following step (`totpCode(secret, 1)`), which the ±1 step window accepts.
 */
export async function enableTotpFor(client: HttpClient) {
  const setup = await client.post('/api/v1/me/2fa/totp/setup');
  expect(setup.status).toBe(200);
  const secret: string = setup.body.secret;
  const enable = await client.post('/api/v1/me/2fa/totp/enable', { code: await totpCode(secret) });
  expect(enable.status).toBe(200);
  return { secret, recoveryCodes: enable.body.recoveryCodes as string[] };
}

/** Runs the queued jobs, then waits for a mail to `to` whose subject or text matches. */
export async function mailTo(
  run: () => Promise<number>,
  catcher: MailCatcher,
  to: string,
  pattern: RegExp,
): Promise<ParsedMail> {
  await run();
  return catcher.waitFor(
    (m) => addressesOf(m.to).includes(to.toLowerCase()) && pattern.test(`${m.subject ?? ''}\n${m.text ?? ''}`),
  );
}

/** The token at the end of the first link in the mail whose path starts with `prefix` (e.g. `/reset-password/`). */
export function tokenFromMail(mail: ParsedMail, prefix: string): string {
  const match = new RegExp(`https?://\\S+${prefix}([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${prefix} link in mail: ${mail.text}`);
  return match[1];
}

export function auditEvents(db: Db, action: string) {
  return db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'asc').execute();
}

/** The session cookie as the browser stores it (name and attributes), from a response's Set-Cookie headers. */
export function sessionSetCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => /gatehouse_session=[^;]+/.test(c) && !/=;/.test(c));
}

export function sessionCookieValue(client: HttpClient): string | undefined {
  return client.cookies.get('gatehouse_session') ?? client.cookies.get('__Host-gatehouse_session');
}
