import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createHostAdmin, createSpace } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { en } from '../web/src/locales/en';
import { fr } from '../web/src/locales/fr';
import { expectAccessible } from './support/axe';
import { launchBrowser, RESULTS_DIR } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * Space capabilities in a real browser: the create form starts from the kind's defaults and says what each does; the
 * owner turns documents off in the space's settings, and the documents tab disappears while overview and members
 * stay; turned on again, the files are back. Run at desktop width in English and at phone width in French.
 */
type Labels = typeof en;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  mkdirSync(RESULTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tabNames = (page: Page) => page.getByRole('tab').allTextContents();

const journeys = [
  { name: 'desktop, English', viewport: { width: 1280, height: 860 }, locale: 'en-GB', L: en },
  { name: 'phone 360 px, French', viewport: { width: 360, height: 780 }, locale: 'fr-FR', L: fr as Labels },
] as const;

describe('space capabilities journey in Chromium', () => {
  for (const journey of journeys) {
    it(`${journey.name}: the create form shows the kind's capabilities, and turning documents off removes its tab`, async () => {
      const { L } = journey;
      const tag = journey.name.replace(/\W+/g, '-');
      const db = server.deps.db;
      const owner = await createHostAdmin(db);
      const space = await createSpace(db, { name: `Quarry ${tag}`, kind: 'supplier' });
      await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });

      const context = await browser.newContext({ viewport: journey.viewport, locale: journey.locale });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await signIn(page, { baseUrl: server.url, labels: L, email: owner.email });

        // The create form starts from the kind's defaults, each with what it gives the members.
        await page.getByRole('button', { name: L['spaces.create'], exact: true }).first().click();
        const create = page.getByRole('dialog', { name: L['spaces.createTitle'] });
        const documents = create.getByRole('checkbox', { name: L['documents.capability'], exact: true });
        await documents.waitFor();
        expect(await documents.isChecked()).toBe(true);
        await create.getByText(L['documents.capabilityHint']).waitFor();
        await create.getByText(L['spaceKindHints.client']).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `capabilities-${tag}-create.png`) });
        await expectAccessible(page, `create ${tag}`);
        await page.keyboard.press('Escape');
        await create.waitFor({ state: 'hidden' });

        // Documents is on: its tab comes first.
        await page.goto(`${server.url}/spaces/${space.id}`);
        await page.getByRole('tab', { name: L['space.tabDocuments'], selected: true }).waitFor();

        // The owner turns documents off in the space's settings: the tab is gone, overview and members stay.
        await page.getByRole('button', { name: L['space.edit'], exact: true }).click();
        const settings = page.getByRole('dialog', { name: L['space.editTitle'] });
        await settings.getByText(L['capabilities.settingsHint']).waitFor();
        await settings.getByRole('checkbox', { name: L['documents.capability'], exact: true }).uncheck();
        await page.screenshot({ path: join(RESULTS_DIR, `capabilities-${tag}-settings.png`) });
        await expectAccessible(page, `settings ${tag}`);
        await settings.getByRole('button', { name: L['common.save'], exact: true }).click();
        await settings.waitFor({ state: 'hidden' });
        await page.getByRole('tab', { name: L['space.tabOverview'], selected: true }).waitFor();
        await expect.poll(() => tabNames(page)).toEqual([L['space.tabOverview'], `${L['space.tabMembers']} (1)`]);
        await page.getByText(L['capabilities.noneManager']).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `capabilities-${tag}-off.png`), fullPage: true });
        const { space: saved } = await page.evaluate(
          async (url) => (await fetch(url, { credentials: 'same-origin' })).json(),
          `/api/v1/spaces/${space.id}`,
        );
        expect(saved.capabilities).toEqual([]);

        // Turned on again, the documents tab is back, first.
        await page.getByRole('button', { name: L['space.edit'], exact: true }).click();
        await settings.getByRole('checkbox', { name: L['documents.capability'], exact: true }).check();
        await settings.getByRole('button', { name: L['common.save'], exact: true }).click();
        await settings.waitFor({ state: 'hidden' });
        await expect
          .poll(() => tabNames(page))
          .toEqual([L['space.tabDocuments'], L['space.tabOverview'], `${L['space.tabMembers']} (1)`]);
        await page.getByRole('tab', { name: L['space.tabOverview'] }).click();
        await page.getByText(L['documents.capabilityHint']).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `capabilities-${tag}-on.png`), fullPage: true });

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
