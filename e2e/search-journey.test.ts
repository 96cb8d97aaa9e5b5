import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createHostAdmin, createSpace, DEFAULT_PASSWORD } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { en } from '../web/src/locales/en';
import { fr } from '../web/src/locales/fr';
import { expectAccessible } from './support/axe';
import { launchBrowser, RESULTS_DIR } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * The search journey in a real browser: files uploaded through the API are indexed by the background job; the
 * person finds them from the header box (reached with `/` and Ctrl+K), sees the matched word highlighted, narrows the
 * results to one space, and opens a hit, which shows the document's preview in its folder; folders and spaces are
 * found too and open where they are. A search that finds nothing says what to try. Run at desktop width in English and at phone width in French.
 */
type Labels = typeof en;
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

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

type Client = ReturnType<TestServer['client']>;

/** Uploads through the API, as the web app does: the server queues the indexing of the new file itself. */
function upload(client: Client, spaceId: string, name: string, text: string, folderId?: string) {
  const form = new FormData();
  if (folderId) form.set('folderId', folderId);
  form.set('file', new Blob([text], { type: 'text/plain' }), name);
  return client.request('POST', `/api/v1/spaces/${spaceId}/documents`, { formData: form });
}

/**
 * Two spaces with a document each holding `word`, the first one inside a folder named `folderName`; the first space
 * (named with `spaceWord`) and the folder are made through the API so that they are indexed as the app indexes them,
 * the documents by the real job.
 */
async function seed(tag: string, words: { word: string; folderName: string; spaceWord: string }) {
  const db = server.deps.db;
  const owner = await createHostAdmin(db);
  const client = server.client();
  await client.signIn(owner.email, DEFAULT_PASSWORD);
  const created = await client.post('/api/v1/spaces', { name: `Harbour ${words.spaceWord} ${tag}`, kind: 'project' });
  expect(created.status, created.text).toBe(201);
  const harbour = created.body.space as { id: string; name: string };
  const dredging = await createSpace(db, { name: `Dredging ${tag}`, kind: 'project' });
  await addMember(db, { spaceId: dredging.id, userId: owner.id, role: 'owner' });
  const folder = await client.post(`/api/v1/spaces/${harbour.id}/folders`, { name: words.folderName });
  expect(folder.status, folder.text).toBe(201);
  const plan = await upload(
    client,
    harbour.id,
    'maintenance-plan.txt',
    `The ${words.word} maintenance plan covers the north pier & the <b>old</b> cranes.`,
    folder.body.folder.id,
  );
  expect(plan.status, plan.text).toBe(201);
  const notes = await upload(
    client,
    dredging.id,
    'inspection-notes.txt',
    `Inspection notes: the ${words.word} was dredged.`,
  );
  expect(notes.status, notes.text).toBe(201);
  await server.runJobs();
  return { owner, harbour, dredging, folderId: folder.body.folder.id as string, plan: plan.body.document };
}

const journeys = [
  { name: 'desktop, English', viewport: { width: 1280, height: 860 }, locale: 'en-GB', L: en, phone: false },
  {
    name: 'phone 360 px, French',
    viewport: { width: 360, height: 780 },
    locale: 'fr-FR',
    L: fr as Labels,
    phone: true,
  },
] as const;

describe('search journey in Chromium', () => {
  for (const journey of journeys) {
    it(`${journey.name}: finds an indexed document from the header, filters by space and opens its preview`, async () => {
      const { L } = journey;
      const tag = journey.name.replace(/\W+/g, '-');
      const words = journey.phone
        ? { word: 'gangway', folderName: 'Capstans', spaceWord: 'Breakwater' }
        : { word: 'quayside', folderName: 'Bollards', spaceWord: 'Lighthouse' };
      const { word } = words;
      const { owner, harbour, folderId, plan } = await seed(tag, words);

      const context = await browser.newContext({ viewport: journey.viewport, locale: journey.locale });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await signIn(page, { baseUrl: server.url, labels: L, email: owner.email });
        const box = page.getByRole('searchbox', { name: L['search.box'], exact: true });
        if (journey.phone) {
          // On phones the field hides behind an icon button until opened.
          expect(await box.isVisible()).toBe(false);
          await page.getByRole('button', { name: L['search.open'], exact: true }).click();
        } else {
          // `/` anywhere outside a text field focuses the header's box.
          await page.locator('body').click({ position: { x: 600, y: 400 } });
          await page.keyboard.press('/');
        }
        await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-box.png`) });
        await box.fill(word);
        await page.keyboard.press('Enter');
        await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/search?q=${word}`);

        // Both documents are found, each with the searched word highlighted in its snippet, shown as text.
        const results = page.getByRole('list', { name: L['search.resultsLabel'], exact: true });
        await results.getByTestId('search-result').first().waitFor();
        await page.getByText(fill(L['search.count_other'], { count: 2, query: word })).waitFor();
        const planHit = results.getByTestId('search-result').filter({ hasText: 'maintenance-plan.txt' });
        expect(await planHit.locator('mark').allTextContents()).toEqual([word]);
        expect(await planHit.getByTestId('search-snippet').textContent()).toContain('& the <b>old</b> cranes');
        expect(await planHit.locator('b').count()).toBe(0);
        await planHit.getByText(harbour.name).waitFor();
        await planHit.getByText(L['documents.searchKind'], { exact: true }).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-results.png`), fullPage: true });
        await expectAccessible(page, `results ${tag}`);

        // Narrowing to one space keeps the filter in the address and leaves that space's document only. Phones show
        // the results first, with the filters folded behind a button.
        if (journey.phone) {
          const unfold = page.getByRole('button', { name: L['search.showFilters'], exact: true });
          expect(await unfold.getAttribute('aria-expanded')).toBe('false');
          await unfold.click();
        }
        await page.getByLabel(L['search.space'], { exact: true }).selectOption({ label: harbour.name });
        await expect.poll(() => new URL(page.url()).searchParams.get('spaceId')).toBe(harbour.id);
        await page.getByText(fill(L['search.count_one'], { count: 1, query: word })).waitFor();
        expect(await results.getByTestId('search-result').count()).toBe(1);
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-filtered.png`), fullPage: true });

        // The hit opens the document's preview over its folder, in its space's documents tab.
        await results.getByRole('link', { name: 'maintenance-plan.txt', exact: true }).click();
        const preview = page.getByRole('dialog', { name: 'maintenance-plan.txt' });
        await preview.waitFor();
        const opened = new URL(page.url());
        expect(opened.pathname).toBe(`/spaces/${harbour.id}`);
        expect(opened.searchParams.get('folder')).toBe(folderId);
        expect(opened.searchParams.get('preview')).toBe(plan.id);
        await preview.getByText('maintenance plan covers the north pier', { exact: false }).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-preview.png`) });
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'hidden' });
        await page.getByRole('tab', { name: L['space.tabDocuments'], selected: true }).waitFor();
        await page.getByTestId('file-row-maintenance-plan.txt').waitFor();
        expect(new URL(page.url()).searchParams.get('preview')).toBeNull();

        // Folders and spaces are found too, each labelled with its kind: a folder opens in its space's files, a space
        // its page.
        await page.keyboard.press('Control+k');
        await box.fill(words.folderName);
        await page.keyboard.press('Enter');
        const folderHit = results.getByTestId('search-result').filter({ hasText: words.folderName });
        await folderHit.getByText(L['documents.searchKindFolder'], { exact: true }).waitFor();
        await folderHit.getByRole('link', { name: words.folderName, exact: true }).click();
        await page.getByRole('tab', { name: L['space.tabDocuments'], selected: true }).waitFor();
        await page.getByTestId('file-row-maintenance-plan.txt').waitFor();
        expect(new URL(page.url()).searchParams.get('folder')).toBe(folderId);
        await page.keyboard.press('Control+k');
        await box.fill(words.spaceWord);
        await page.keyboard.press('Enter');
        const spaceHit = results.getByTestId('search-result').filter({ hasText: harbour.name });
        await spaceHit.getByText(L['spaces.searchKind'], { exact: true }).waitFor();
        expect(await spaceHit.locator('mark').allTextContents()).toContain(words.spaceWord);
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-kinds.png`), fullPage: true });
        await spaceHit.getByRole('link', { name: harbour.name, exact: true }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/spaces/${harbour.id}`);

        // Ctrl+K reaches the box from anywhere; a search that finds nothing says what to try.
        await page.keyboard.press('Control+k');
        await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
        await box.fill('zzyzxnothing');
        await page.keyboard.press('Enter');
        await page.getByText(fill(L['search.emptyTitle'], { query: 'zzyzxnothing' })).waitFor();
        await page.getByText(L['search.emptyText']).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `search-${tag}-empty.png`), fullPage: true });
        await expectAccessible(page, `empty ${tag}`);

        // Nothing on the page is wider than the screen (the phone layout does not scroll sideways).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
