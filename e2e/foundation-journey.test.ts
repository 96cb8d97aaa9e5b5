import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createHostAdmin,
  createOrganization,
  createSpace,
  DEFAULT_PASSWORD,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { type MailCatcher, startMailCatcher } from '../server/test/support/smtp';
import { en } from '../web/src/locales/en';
import { fr } from '../web/src/locales/fr';
import { expectAccessible } from './support/axe';
import { launchBrowser, RESULTS_DIR } from './support/browser';

/**
 * The foundation journey in a real browser: a host admin invites a supplier's employee into a supplier space; the
 * invitee follows the e-mailed link (caught by a real SMTP server), sets a password, enables TOTP, signs in with a
 * code, sees that space and nothing else; the admin disables the supplier organization and the invitee's open page
 * is refused on its next action. Run at desktop width, at phone width, and once in French.
 */
type Labels = typeof en;
const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

let server: TestServer;
let catcher: MailCatcher;
let browser: Browser;

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: catcher.url }, runJobs: true });
  browser = await launchBrowser();
  mkdirSync(RESULTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await catcher?.close();
});

async function signIn(page: Page, L: Labels, email: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(L['login.email'], { exact: true }).fill(email);
  await page.getByLabel(L['login.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: L['login.submit'], exact: true }).click();
}

/** The code of the *next* 30-second step: valid (one step of drift is allowed) and never the one just used. */
async function nextTotpCode(secret: string) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

const journeys = [
  { name: 'desktop, English', viewport: { width: 1280, height: 860 }, locale: 'en-GB', L: en },
  { name: 'phone 360 px, English', viewport: { width: 360, height: 780 }, locale: 'en-GB', L: en },
  { name: 'desktop, French', viewport: { width: 1280, height: 860 }, locale: 'fr-FR', L: fr as Labels },
] as const;

describe('foundation journey in Chromium', () => {
  for (const journey of journeys) {
    it(`${journey.name}: invited supplier joins with TOTP, sees only their space, and is cut off when their organization is disabled`, async () => {
      const { L } = journey;
      const tag = journey.name.replace(/\W+/g, '-');
      const db = server.deps.db;
      const admin = await createHostAdmin(db);
      const supplier = await createOrganization(db, { name: `Northwind ${tag}`, kind: 'supplier' });
      const space = await createSpace(db, { name: `Northwind supply ${tag}`, kind: 'supplier' });
      const hidden = await createSpace(db, { name: `Board papers ${tag}`, kind: 'board' });
      await addMember(db, { spaceId: space.id, userId: admin.id, role: 'owner' });
      await addMember(db, { spaceId: hidden.id, userId: admin.id, role: 'owner' });
      const inviteeEmail = `sofia.${tag.toLowerCase()}@northwind.test`;

      const contexts: BrowserContext[] = [];
      const newPage = async () => {
        const context = await browser.newContext({ viewport: journey.viewport, locale: journey.locale });
        contexts.push(context);
        return context.newPage();
      };
      try {
        // The host admin invites the supplier's employee into the supplier space.
        const adminPage = await newPage();
        await signIn(adminPage, L, admin.email, DEFAULT_PASSWORD);
        await expect.poll(() => adminPage.url()).not.toContain('/login');
        await adminPage.goto(`${server.url}/spaces/${space.id}`);
        await adminPage.getByRole('tab', { name: L['space.tabMembers'] }).click();
        await adminPage.getByRole('button', { name: L['members.invite'], exact: true }).click();
        const dialog = adminPage.getByRole('dialog');
        await dialog.getByLabel(L['spaceInvite.email'], { exact: true }).fill(inviteeEmail);
        await dialog.getByLabel(L['spaceInvite.name'], { exact: true }).fill('Sofia Supplier');
        await dialog.getByLabel(L['spaceInvite.organization'], { exact: true }).selectOption({ label: supplier.name });
        await dialog.getByLabel(L['spaceInvite.role'], { exact: true }).selectOption('contributor');
        await dialog.getByRole('button', { name: L['spaceInvite.submit'], exact: true }).click();
        await adminPage.getByText(inviteeEmail).first().waitFor();

        // The invitation arrives by real SMTP; the invitee opens the link and sets a password.
        const mail = await catcher.waitFor((m) => JSON.stringify(m.to).includes(inviteeEmail), 20_000);
        const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
        expect(link).toBeTruthy();
        const page = await newPage();
        await page.goto(link as string);
        await page.getByLabel(L['invite.password'], { exact: true }).fill('sofia supplies the best parts 7');
        await page.getByRole('button', { name: L['invite.submit'], exact: true }).click();
        await page.getByRole('heading', { name: L['spaces.title'] }).waitFor();

        // She turns on TOTP.
        await page.goto(`${server.url}/account?tab=security`);
        await page.getByRole('button', { name: L['totp.start'], exact: true }).click();
        const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
        expect(secret).toMatch(/^[A-Z2-7]+$/);
        await page.getByLabel(L['totp.code'], { exact: true }).fill(await generate({ secret }));
        await page.getByRole('button', { name: L['totp.activate'], exact: true }).click();
        await page.getByTestId('recovery-codes').waitFor();
        await page.getByRole('button', { name: L['recovery.done'], exact: true }).click();

        // Signs out, and back in with her password and a TOTP code.
        await page.getByRole('button', { name: L['layout.signOut'] }).click();
        await page.getByLabel(L['login.email'], { exact: true }).waitFor();
        await signIn(page, L, inviteeEmail, 'sofia supplies the best parts 7');
        await page.getByLabel(L['twoFactor.code'], { exact: true }).fill(await nextTotpCode(secret));
        await page.getByRole('button', { name: L['twoFactor.submit'], exact: true }).click();

        // She sees that space and nothing else.
        await page.getByRole('heading', { name: L['spaces.title'] }).waitFor();
        await page.getByText(space.name).first().waitFor();
        expect(await page.getByText(hidden.name).count()).toBe(0);
        const spaces = await page.evaluate(async () => (await fetch('/api/v1/spaces')).json());
        expect(spaces.spaces.map((s: { name: string }) => s.name)).toEqual([space.name]);
        await page.screenshot({ path: join(RESULTS_DIR, `journey-${tag}-invitee.png`), fullPage: true });
        await expectAccessible(page, `spaces list ${tag}`);

        // The admin disables the supplier organization.
        await adminPage.goto(`${server.url}/admin/organizations`);
        await adminPage
          .getByRole('button', { name: fill(L['organizations.disableNamed'], { name: supplier.name }), exact: true })
          .click();
        await adminPage
          .getByRole('dialog')
          .getByRole('button', { name: L['organizations.disable'], exact: true })
          .click();
        await adminPage.getByText(fill(L['organizations.disabledDone'], { name: supplier.name })).waitFor();
        await adminPage.getByRole('dialog').waitFor({ state: 'hidden' });
        await adminPage.screenshot({ path: join(RESULTS_DIR, `journey-${tag}-admin.png`), fullPage: true });

        // Her open page is refused on its next action.
        await page.getByText(space.name).first().click();
        await page.getByText(L['login.sessionEnded']).waitFor({ timeout: 15_000 });
        expect(page.url()).toContain('/login');
        const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
        expect(me).toBe(401);
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  }
});
