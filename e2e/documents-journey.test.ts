import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createHostAdmin, createSpace } from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { en } from '../web/src/locales/en';
import { fr } from '../web/src/locales/fr';
import { expectAccessible } from './support/axe';
import { launchBrowser, RESULTS_DIR } from './support/browser';
import { signIn } from './support/sign-in';

/**
 * The documents journey in a real browser: an owner uploads a whole folder tree with the folder picker (and a loose
 * file by drag and drop), watches the progress reach 100 %, sees thumbnails of its pictures and PDFs, previews a
 * hostile Markdown file (formatted, nothing of it runs) and a PDF drawn by pdf.js under the strict CSP, uploads a
 * second version and restores the first one. Run at desktop width in English and at phone width in French.
 */
type Labels = typeof en;
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A small valid PDF: one page per text, each with a coloured band (so a rendered page cannot be blank). */
function makePdf(texts: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('');
  add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const text of texts) {
    const stream = `0.2 0.3 0.8 rg 40 700 520 60 re f BT /F1 28 Tf 0 0 0 rg 50 640 Td (${text}) Tj ET`;
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      ),
    );
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Markdown a malicious member could upload: after the first paragraph, everything tries to run or leak something,
 * except the last image, which comes from the extranet itself.
 */
const hostileMarkdown = (pictureUrl: string) =>
  [
    '# Site visit notes',
    '',
    'Scaffolding is **ready**; see the [supplier page](https://supplier.example/scaffolding).',
    '',
    '<script>window.__pwned = "script"</script>',
    '',
    '<img src="missing.png" alt="raw" onerror="window.__pwned = \'onerror\'"> and <b onclick="window.__pwned = 1">bold</b>',
    '',
    '[Open the plan](javascript:window.__pwned=1) ![tracking pixel](https://tracker.example/pixel.gif)',
    '<div style="position: fixed; inset: 0">Overlay</div>',
    '',
    `![site photo](${pictureUrl})`,
  ].join('\n');

/** Drops files on the listing, as a person dragging them from their desktop would. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const payload = files.map((file) => ({ ...file, bytes: file.bytes.toString('base64') }));
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.bytes), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    const zone = document.querySelector('[data-testid="drop-zone"]');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone?.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, payload);
}

/** The width of the thumbnail drawn in a row, 0 while it shows the icon instead. */
const thumbnailWidth = (page: Page, name: string) =>
  page.evaluate((row) => {
    const image = document.querySelector<HTMLImageElement>(`[data-testid="${row}"] [data-testid="file-thumbnail"]`);
    return image?.complete ? image.naturalWidth : 0;
  }, `file-row-${name}`);

let server: TestServer;
let browser: Browser;
let filesDir: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  mkdirSync(RESULTS_DIR, { recursive: true });
  filesDir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-docs-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

/** Tender/brief.pdf, Tender/Annexes/prices.csv, Tender/Annexes/site-survey.bin (a few MB, so progress shows). */
function folderTree(tag: string) {
  const root = join(filesDir, tag, 'Tender');
  mkdirSync(join(root, 'Annexes'), { recursive: true });
  writeFileSync(join(root, 'brief.pdf'), makePdf(['Tender brief', 'Scope of work', 'Timeline']));
  writeFileSync(join(root, 'Annexes', 'prices.csv'), 'item,price\nbolts,12\n');
  writeFileSync(join(root, 'Annexes', 'site-survey.bin'), Buffer.alloc(6 * 1024 * 1024, 7));
  return root;
}

const getJson = (page: Page, url: string) =>
  page.evaluate(async (address) => (await fetch(address, { credentials: 'same-origin' })).json(), url);

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

describe('documents journey in Chromium', () => {
  for (const journey of journeys) {
    it(`${journey.name}: uploads a folder tree with progress, previews a PDF, and restores an older version`, async () => {
      const { L } = journey;
      const tag = journey.name.replace(/\W+/g, '-');
      const db = server.deps.db;
      const owner = await createHostAdmin(db);
      const space = await createSpace(db, { name: `Tender ${tag}`, kind: 'project' });
      await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
      const tree = folderTree(tag);

      const context = await browser.newContext({ viewport: journey.viewport, locale: journey.locale });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|EvalError/i.test(message.text())) {
          pageErrors.push(message.text());
        }
      });
      try {
        await signIn(page, { baseUrl: server.url, labels: L, email: owner.email });
        await page.goto(`${server.url}/spaces/${space.id}`);
        // Documents is the default tab of a space, and an empty folder says what to do.
        await page.getByRole('tab', { name: L['space.tabDocuments'], selected: true }).waitFor();
        await page.getByText(L['documents.emptyTitle']).waitFor();

        // Upload a whole folder with the folder picker (from the "New" menu on phones).
        const chooser = page.waitForEvent('filechooser');
        if (journey.phone) {
          await page.getByRole('button', { name: L['documents.new'], exact: true }).click();
          await page.getByRole('menuitem', { name: L['documents.uploadFolder'], exact: true }).click();
        } else {
          await page.getByRole('button', { name: L['documents.uploadFolder'], exact: true }).click();
        }
        await (await chooser).setFiles(tree);

        // The upload panel shows the overall progress and reaches 100 % with every file done.
        const panel = page.getByTestId('upload-panel');
        await panel.waitFor();
        const overall = panel.getByRole('progressbar', { name: L['documents.overallProgress'], exact: true });
        await expect.poll(() => overall.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
        await expect
          .poll(() => panel.getByTestId('upload-summary').textContent())
          .toBe(fill(L['documents.uploadedCount_other'], { count: 3 }));
        await page.screenshot({ path: join(RESULTS_DIR, `documents-${tag}-uploaded.png`), fullPage: true });
        await expectAccessible(page, `documents tab ${tag}`);

        // The structure was recreated: Tender/ with brief.pdf and Annexes/ holding the two other files.
        const root = await getJson(page, `/api/v1/spaces/${space.id}/files`);
        const tender = root.folders.find((folder: { name: string }) => folder.name === 'Tender');
        expect(tender).toBeTruthy();
        const inTender = await getJson(page, `/api/v1/spaces/${space.id}/files?folderId=${tender.id}`);
        expect(inTender.folders.map((folder: { name: string }) => folder.name)).toEqual(['Annexes']);
        expect(inTender.documents.map((doc: { name: string }) => doc.name)).toEqual(['brief.pdf']);
        const annexes = await getJson(page, `/api/v1/spaces/${space.id}/files?folderId=${inTender.folders[0].id}`);
        expect(annexes.documents.map((doc: { name: string }) => doc.name).sort()).toEqual([
          'prices.csv',
          'site-survey.bin',
        ]);

        // A loose file dropped on the listing lands in the folder on screen.
        await page.getByRole('link', { name: 'Tender', exact: true }).click();
        await page.getByTestId('file-row-brief.pdf').waitFor();
        const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2f9e44' } })
          .composite([
            { input: { create: { width: 640, height: 140, channels: 3, background: '#f08c00' } }, top: 0, left: 0 },
          ])
          .png()
          .toBuffer();
        await dropFiles(page, [
          { name: 'minutes.txt', type: 'text/plain', bytes: Buffer.from('Minutes of the site visit') },
          { name: 'site-photo.png', type: 'image/png', bytes: photo },
        ]);
        await page.getByTestId('file-row-minutes.txt').waitFor();
        await page.getByTestId('file-row-site-photo.png').waitFor();
        const listed = await getJson(page, `/api/v1/spaces/${space.id}/files?folderId=${tender.id}`);
        const photoId = listed.documents.find((doc: { name: string }) => doc.name === 'site-photo.png').id;
        const notesMarkdown = hostileMarkdown(`/api/v1/documents/${photoId}/thumbnail`);
        await dropFiles(page, [{ name: 'visit-notes.md', type: 'text/markdown', bytes: Buffer.from(notesMarkdown) }]);
        await page.getByTestId('file-row-visit-notes.md').waitFor();

        // Pictures and PDFs show a thumbnail once the background job made it (the listing asks again meanwhile);
        // other files keep the icon of their kind.
        await server.runJobs();
        for (const name of ['site-photo.png', 'brief.pdf']) {
          await expect.poll(() => thumbnailWidth(page, name), { timeout: 30_000 }).toBeGreaterThan(0);
        }
        expect(await page.getByTestId('file-row-minutes.txt').getByTestId('file-thumbnail').count()).toBe(0);
        await page.screenshot({ path: join(RESULTS_DIR, `documents-${tag}-thumbnails.png`), fullPage: true });

        // Markdown is shown formatted and sanitised: nothing of it runs, and no image comes from elsewhere.
        await page.getByRole('button', { name: 'visit-notes.md', exact: true }).click();
        const notes = page.getByRole('dialog', { name: 'visit-notes.md' });
        const formatted = notes.getByTestId('markdown-preview');
        await formatted.getByRole('heading', { level: 1, name: 'Site visit notes' }).waitFor();
        await formatted.getByText('ready', { exact: true }).waitFor();
        const supplier = formatted.getByRole('link', { name: 'supplier page', exact: true });
        expect(await supplier.getAttribute('href')).toBe('https://supplier.example/scaffolding');
        expect(await supplier.getAttribute('target')).toBe('_blank');
        expect(await supplier.getAttribute('rel')).toBe('noopener noreferrer');
        await formatted.getByText('Open the plan', { exact: true }).click();
        const rendered = await formatted.evaluate((root) => ({
          text: root.textContent,
          elements: root.querySelectorAll('script, style, div, b, form, iframe').length,
          attributes: [...root.querySelectorAll('*')].flatMap((node) =>
            node.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style' || name === 'class'),
          ),
          hrefs: [...root.querySelectorAll('a')].map((link) => link.getAttribute('href')),
          images: [...root.querySelectorAll('img')].map((image) => [
            image.getAttribute('alt'),
            image.getAttribute('src'),
          ]),
        }));
        // The HTML of the file is shown as text, for the reader to see what was attempted.
        expect(rendered.text).toContain('<script>window.__pwned = "script"</script>');
        expect(rendered.text).toContain('<b onclick=');
        expect(rendered.elements).toBe(0);
        expect(rendered.attributes).toEqual([]);
        expect(rendered.hrefs).toEqual(['https://supplier.example/scaffolding', null]);
        // An image from elsewhere becomes its description; one from the extranet itself is loaded.
        expect(rendered.images).toEqual([['site photo', `/api/v1/documents/${photoId}/thumbnail`]]);
        expect(rendered.text).toContain('Open the plan tracking pixel');
        const shown = formatted.getByRole('img', { name: 'site photo', exact: true });
        await expect.poll(() => shown.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(256);
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
        await page.screenshot({ path: join(RESULTS_DIR, `documents-${tag}-markdown.png`) });
        // The text as written is one click away.
        await notes.getByText(L['documents.markdownSource'], { exact: true }).click();
        await notes.getByTestId('text-preview').getByText('# Site visit notes', { exact: false }).waitFor();
        await page.keyboard.press('Escape');
        await notes.waitFor({ state: 'hidden' });

        // The PDF preview is drawn by pdf.js on a canvas, page by page.
        await page.getByRole('button', { name: 'brief.pdf', exact: true }).click();
        const preview = page.getByRole('dialog', { name: 'brief.pdf' });
        await preview.getByText(fill(L['documents.pageOf'], { page: 1, pages: 3 })).waitFor({ timeout: 20_000 });
        await preview.getByRole('button', { name: L['documents.nextPage'], exact: true }).click();
        await preview.getByText(fill(L['documents.pageOf'], { page: 2, pages: 3 })).waitFor();
        const canvas = preview.getByRole('img', { name: fill(L['documents.pdfPage'], { page: 2, pages: 3 }) });
        await expect.poll(() => canvas.getAttribute('data-drawn-page')).toBe('2');
        const inked = await canvas.evaluate((element) => {
          const drawn = element as HTMLCanvasElement;
          const pixels = drawn.getContext('2d')?.getImageData(0, 0, drawn.width, drawn.height).data ?? [];
          let count = 0;
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] < 200) count += 1;
          return count;
        });
        expect(inked).toBeGreaterThan(1000);
        await page.screenshot({ path: join(RESULTS_DIR, `documents-${tag}-pdf.png`) });
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'hidden' });

        // A second version, uploaded from the Versions drawer with a comment.
        await page
          .getByRole('button', { name: fill(L['documents.actionsFor'], { name: 'brief.pdf' }), exact: true })
          .click();
        await page.getByRole('menuitem', { name: L['documents.versions'], exact: true }).click();
        const drawer = page.getByRole('dialog', { name: fill(L['documents.versionsTitle'], { name: 'brief.pdf' }) });
        const versionChooser = page.waitForEvent('filechooser');
        await drawer.getByRole('button', { name: L['documents.chooseFile'], exact: true }).click();
        await (await versionChooser).setFiles({
          name: 'brief.pdf',
          mimeType: 'application/pdf',
          buffer: makePdf(['Tender brief, second draft']),
        });
        await drawer.getByLabel(L['documents.versionComment'], { exact: true }).fill('Second draft');
        await drawer.getByRole('button', { name: L['documents.uploadVersion'], exact: true }).click();
        await drawer.getByTestId('version-2').getByText(L['documents.current'], { exact: true }).waitFor();
        await drawer.getByText('Second draft').waitFor();

        // Restoring version 1 makes its content current again, as version 3.
        await drawer
          .getByRole('button', { name: fill(L['documents.restoreVersion'], { number: 1 }), exact: true })
          .click();
        const confirm = page.getByRole('dialog', { name: fill(L['documents.restoreVersionTitle'], { number: 1 }) });
        await confirm.getByRole('button', { name: L['documents.restore'], exact: true }).click();
        await drawer.getByTestId('version-3').getByText(L['documents.current'], { exact: true }).waitFor();
        await page.screenshot({ path: join(RESULTS_DIR, `documents-${tag}-versions.png`) });

        const brief = inTender.documents[0];
        const { versions } = await getJson(page, `/api/v1/documents/${brief.id}/versions`);
        const current = versions.find((version: { current: boolean }) => version.current);
        const first = versions.find((version: { number: number }) => version.number === 1);
        const second = versions.find((version: { number: number }) => version.number === 2);
        expect(current.number).toBe(3);
        expect(current.sha256).toBe(first.sha256);
        expect(second.sha256).not.toBe(first.sha256);
        expect(second.comment).toBe('Second draft');

        // Nothing was refused by the CSP on the way (pdf.js runs without eval, its worker from 'self').
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
