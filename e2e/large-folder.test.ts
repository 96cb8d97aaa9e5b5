import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createDocument,
  createFolder,
  createHostAdmin,
  createSpace,
  DEFAULT_PASSWORD,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { en } from '../web/src/locales/en';
import { fr } from '../web/src/locales/fr';
import { launchBrowser, RESULTS_DIR } from './support/browser';

/**
 * A folder larger than one page of the listing: the first page shows at once with "Showing 200 of 230", and scrolling
 * to the end loads the rest — every file once, in name order — in English on a desktop and in French on a phone.
 */
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const runs = [
  { name: 'desktop, English', viewport: { width: 1280, height: 860 }, locale: 'en-GB', L: en },
  { name: 'phone 360 px, French', viewport: { width: 360, height: 780 }, locale: 'fr-FR', L: fr as typeof en },
] as const;

describe('a folder of more than one page in Chromium', () => {
  for (const run of runs) {
    it(`${run.name}: shows the first page, then the rest as the person scrolls`, async () => {
      const { L } = run;
      const db = server.deps.db;
      const owner = await createHostAdmin(db);
      const space = await createSpace(db, { name: `Archive ${run.locale}`, kind: 'project' });
      await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
      const folder = await createFolder(db, { spaceId: space.id, name: 'Scans' });
      const names = Array.from({ length: 230 }, (_, i) => `scan-${String(i).padStart(4, '0')}.txt`);
      for (const name of names) {
        await createDocument(server.deps, { spaceId: space.id, folderId: folder.id, name, authorId: owner.id });
      }

      const context = await browser.newContext({ viewport: run.viewport, locale: run.locale });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/login`);
        await page.getByLabel(L['login.email'], { exact: true }).fill(owner.email);
        await page.getByLabel(L['login.password'], { exact: true }).fill(DEFAULT_PASSWORD);
        await page.getByRole('button', { name: L['login.submit'], exact: true }).click();
        await expect.poll(() => page.url()).not.toContain('/login');
        await page.goto(`${server.url}/spaces/${space.id}?folder=${folder.id}`);

        const rows = page.locator('[data-testid^="file-row-"]');
        const loadMore = page.getByTestId('load-more');
        await loadMore.waitFor();
        const number = new Intl.NumberFormat(run.locale.slice(0, 2));
        await expect
          .poll(() => loadMore.textContent())
          .toContain(fill(L['documents.shownOf'], { shown: number.format(200), total: number.format(230) }));
        expect(await rows.count()).toBe(200);
        await page.screenshot({ path: join(RESULTS_DIR, `large-folder-${run.locale}-first-page.png`) });

        // Scrolling to the end is enough: the next page loads by itself and the "show more" line goes away.
        await loadMore.scrollIntoViewIfNeeded();
        await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(230);
        await expect.poll(() => loadMore.count()).toBe(0);
        const shown = await rows.evaluateAll((elements) =>
          elements.map((element) => element.getAttribute('data-testid')?.replace('file-row-', '')),
        );
        expect(shown).toEqual(names);
      } finally {
        await context.close();
      }
    });
  }
});
