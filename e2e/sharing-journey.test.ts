import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { routes } from '@gatehouse/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createDocument,
  createFolder,
  createPerson,
  createSpace,
  DEFAULT_PASSWORD,
  hostOrganization,
} from '../server/test/factories';
import { startTestServer, type TestServer } from '../server/test/harness';
import { addressesOf, type MailCatcher, type ParsedMail, startMailCatcher } from '../server/test/support/smtp';
import { en } from '../web/src/locales/en';
import { launchBrowser, RESULTS_DIR } from './support/browser';

/**
 * Sharing with people who have no account, in a real browser with a real SMTP server:
 * 1. an owner creates a share link with a password and e-mail verification; an outsider in a fresh browser is refused
 *    a wrong password, proves their mailbox with the e-mailed code, downloads the exact bytes, and the owner sees that
 *    access, with the verified e-mail, in the link's access log;
 * 2. a manager requests two documents from an outsider into a chosen folder; the outsider, who sees nothing of the
 *    space, uploads both; the manager approves one (it sits in the folder with the right bytes) and rejects the other
 *    with a comment that reaches the outsider by e-mail and on the page.
 * Public pages are photographed at desktop and 360 px widths and checked for overflow and untranslated keys.
 */
const L = en;
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 360, height: 780 };

let server: TestServer;
let catcher: MailCatcher;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  catcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: catcher.url }, runJobs: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await catcher?.close();
});

/** A fresh context per person: an outsider's context never shares a cookie with the insider's. */
async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(L['login.email'], { exact: true }).fill(email);
  await page.getByLabel(L['login.password'], { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByRole('button', { name: L['login.submit'], exact: true }).click();
  await expect.poll(() => page.url()).not.toContain('/login');
}

const mailTo = (address: string, subject: RegExp) => (mail: ParsedMail) =>
  addressesOf(mail.to).includes(address) && subject.test(mail.subject ?? '');

const statusOf = (page: Page, path: string) =>
  page.evaluate(async (address) => (await fetch(address, { credentials: 'same-origin' })).status, path);

/** Lets React re-render after a viewport change (the data tables switch to cards on phones) before a screenshot. */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Photographs a public page at desktop and phone widths and fails on what a person would see as broken there: a page
 * wider than the screen, or a translation key shown instead of its text.
 */
async function photograph(page: Page, name: string) {
  const before = page.viewportSize() ?? DESKTOP;
  for (const [suffix, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await nextFrames(page);
    await page.screenshot({ path: join(RESULTS_DIR, `sharing-${name}-${suffix}.png`), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${name} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\b(shareLink|shares|requestPage|requests|errors|common)\.[a-z][\w.]*/);
  }
  await page.setViewportSize(before);
  await nextFrames(page);
}

describe('sharing journey in Chromium', () => {
  it('an outsider opens a password- and e-mail-protected link, is refused a wrong password, downloads the exact file, and the owner sees the verified access', async () => {
    const db = server.deps.db;
    const host = await hostOrganization(db);
    const owner = await createPerson(db, { organizationId: host.id, name: 'Olivia Owner' });
    const space = await createSpace(db, { name: 'Harbour extension', kind: 'project' });
    await addMember(db, { spaceId: space.id, userId: owner.id, role: 'owner' });
    const recipient = 'rui.surveyor@outside.test';
    const password = 'tide tables 2027';
    const fileName = 'Site survey 2027.bin';
    const bytes = randomBytes(300 * 1024);

    // The owner uploads the file through the UI, so the bytes compared at the end went the whole way round.
    const { context: ownerContext, page: ownerPage } = await newPage();
    await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signIn(ownerPage, owner.email);
    await ownerPage.goto(`${server.url}/spaces/${space.id}`);
    const chooser = ownerPage.waitForEvent('filechooser');
    await ownerPage.getByRole('button', { name: L['documents.uploadFiles'], exact: true }).click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: bytes });
    await ownerPage.getByTestId(`file-row-${fileName}`).waitFor();

    // Share it with a password and e-mail verification of the recipient.
    await ownerPage
      .getByRole('button', { name: fill(L['documents.actionsFor'], { name: fileName }), exact: true })
      .click();
    await ownerPage.getByRole('menuitem', { name: L['shares.share'], exact: true }).click();
    const dialog = ownerPage.getByRole('dialog', { name: fill(L['shares.dialogTitle'], { name: fileName }) });
    await dialog.getByLabel(L['shares.password'], { exact: true }).fill(password);
    await dialog.getByLabel(L['shares.requireEmail'], { exact: true }).check();
    await dialog.getByLabel(L['shares.recipientEmail'], { exact: true }).fill(recipient);
    await dialog.getByRole('button', { name: L['shares.create'], exact: true }).click();
    await dialog.getByText(L['shares.created']).waitFor();
    await dialog.getByText(L['shares.withPassword'], { exact: true }).waitFor();
    await dialog.getByText(L['shares.withEmail'], { exact: true }).waitFor();

    // The address is read from the page, and the Copy button puts that same address on the clipboard.
    const url = await dialog.getByTestId('share-url').first().inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{20,}$`));
    await dialog.getByRole('button', { name: L['shares.copy'], exact: true }).first().click();
    await dialog.getByRole('button', { name: L['shares.copied'], exact: true }).waitFor();
    expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const token = url.split('/s/')[1];
    const contentPath = routes.downloadShare.path.replace(':token', token);

    // An outsider, in a browser that knows nothing of Gatehouse, is asked for the password first.
    const { page } = await newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: L['shareLink.passwordTitle'] }).waitFor();
    expect(await statusOf(page, contentPath)).toBe(401);
    await page.getByLabel(L['shareLink.password'], { exact: true }).fill('low tide 2026');
    await page.getByRole('button', { name: L['shareLink.unlock'], exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(L['errors.shares.wrong_password']);
    await photograph(page, 'link-wrong-password');
    expect(await statusOf(page, contentPath)).toBe(401);

    await page.getByLabel(L['shareLink.password'], { exact: true }).fill(password);
    await page.getByRole('button', { name: L['shareLink.unlock'], exact: true }).click();

    // Then for the e-mail address; the one-time code arrives by real SMTP.
    await page.getByRole('heading', { name: L['shareLink.emailTitle'] }).waitFor();
    // The password alone must not open the file: the e-mail step is enforced by the server, not just the page.
    expect(await statusOf(page, contentPath)).toBe(401);
    await page.getByLabel(L['shareLink.email'], { exact: true }).fill(recipient);
    await page.getByRole('button', { name: L['shareLink.sendCode'], exact: true }).click();
    await page.getByText(L['shareLink.codeSent']).waitFor();
    // The page takes the person straight to the code field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('one-time-code');
    const codeMail = await catcher.waitFor(mailTo(recipient, /access code/), 20_000);
    const code = /\b(\d{6})\b/.exec(codeMail.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(codeMail.text).toContain(url);
    await photograph(page, 'link-code');
    await page.getByLabel(L['shareLink.code'], { exact: true }).fill(code as string);
    await page.getByRole('button', { name: L['shareLink.verify'], exact: true }).click();

    // Unlocked: the file, who they were verified as, and a download that is byte for byte the uploaded file.
    await page.getByRole('heading', { name: fileName }).waitFor();
    await page.getByText(fill(L['shareLink.verifiedAs'], { email: recipient })).waitFor();
    await photograph(page, 'link-unlocked');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: L['shareLink.download'], exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(fileName);
    expect((await readFile(await download.path())).equals(bytes)).toBe(true);

    // Back with the owner: the access log names the verified e-mail for the opening and for the download.
    await dialog.getByRole('button', { name: L['shares.accessLog'], exact: true }).click();
    const log = ownerPage.getByRole('dialog', { name: fill(L['shares.accessLogTitle'], { name: fileName }) });
    const table = log.getByRole('table', { name: L['shares.accessLog'] });
    const opened = table.getByRole('row').filter({ hasText: L['shares.kind.unlocked'] });
    const downloaded = table.getByRole('row').filter({ hasText: L['shares.kind.download'] });
    await expect.poll(() => opened.count()).toBe(1);
    await expect.poll(() => downloaded.count()).toBe(1);
    expect(await opened.textContent()).toContain(recipient);
    expect(await downloaded.textContent()).toContain(recipient);
    expect(await downloaded.textContent()).toContain(fileName);
    await ownerPage.screenshot({ path: join(RESULTS_DIR, 'sharing-link-access-log.png') });
  });

  it('an outsider answers a document request without seeing the space; the manager approves one file into the chosen folder and rejects the other with a comment', async () => {
    const db = server.deps.db;
    const host = await hostOrganization(db);
    const manager = await createPerson(db, { organizationId: host.id, name: 'Maya Manager' });
    const space = await createSpace(db, { name: 'Supplier onboarding Q3', kind: 'supplier' });
    await addMember(db, { spaceId: space.id, userId: manager.id, role: 'manager' });
    const destination = await createFolder(db, { spaceId: space.id, name: 'Received from Northwind' });
    const internal = await createFolder(db, { spaceId: space.id, name: 'Internal pricing' });
    const secret = await createDocument(server.deps, { spaceId: space.id, folderId: internal.id, name: 'margins.txt' });
    const outsider = { name: 'Nora Northwind', email: 'nora@northwind.test' };
    const title = 'Northwind onboarding documents';
    const items = ['Certificate of insurance', 'Bank details'];
    const certificate = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64 * 1024)]);
    const comment = 'This is last year’s account; please send the current one.';

    // The manager, browsing the destination folder, asks for two documents to land there.
    const { page: managerPage } = await newPage();
    await signIn(managerPage, manager.email);
    await managerPage.goto(`${server.url}/spaces/${space.id}?folder=${destination.id}`);
    await managerPage.getByRole('button', { name: L['requests.entry'], exact: true }).click();
    const drawer = managerPage.getByRole('dialog', { name: L['requests.title'] });
    await drawer.getByRole('button', { name: L['requests.new'], exact: true }).click();
    await drawer.getByLabel(L['requests.titleLabel'], { exact: true }).fill(title);
    await drawer.getByLabel(L['requests.recipientName'], { exact: true }).fill(outsider.name);
    await drawer.getByLabel(L['requests.recipientEmail'], { exact: true }).fill(outsider.email);
    await drawer.getByLabel(`${L['requests.items']} 1`, { exact: true }).fill(items[0]);
    await drawer.getByRole('button', { name: L['requests.addItem'], exact: true }).click();
    await drawer.getByLabel(`${L['requests.items']} 2`, { exact: true }).fill(items[1]);
    // The destination is chosen explicitly (the folder being browsed), not left to the default.
    const here = fill(L['requests.destinationCurrent'], { name: destination.name });
    await drawer.getByText(here, { exact: true }).click();
    expect(await drawer.getByRole('radio', { name: here, exact: true }).isChecked()).toBe(true);
    await drawer.getByRole('button', { name: L['requests.create'], exact: true }).click();
    const card = drawer.getByTestId(/^request-/).filter({ hasText: title });
    await card.getByText(fill(L['requests.into'], { folder: destination.name })).waitFor();

    // The outsider gets the link by real SMTP and opens it in a fresh browser.
    const requestMail = await catcher.waitFor(mailTo(outsider.email, /asks you for documents/), 20_000);
    for (const item of items) expect(requestMail.text).toContain(item);
    const link = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(requestMail.text ?? '')?.[0];
    expect(link).toBeTruthy();
    const { page } = await newPage(PHONE);
    await page.goto(link as string);
    await page.getByRole('heading', { name: fill(L['requestPage.title'], { name: manager.name }) }).waitFor();
    await page.getByText(fill(L['requestPage.greeting'], { name: outsider.name })).waitFor();
    await photograph(page, 'request-open');

    // Only the request shows: no name of the space, its folders or files, and the space's API stays closed.
    const body = await page.locator('body').innerText();
    for (const hidden of [space.name, destination.name, internal.name, secret.name]) expect(body).not.toContain(hidden);
    expect(await statusOf(page, `/api/v1/spaces/${space.id}/files`)).toBe(401);
    expect(await statusOf(page, routes.listSpaces.path)).toBe(401);

    const uploadFor = async (label: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      const picking = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: fill(L['requestPage.uploadFor'], { name: label }), exact: true }).click();
      await (await picking).setFiles(file);
      const row = page.getByTestId(`request-item-${label}`);
      await row.getByText(fill(L['requestPage.sent'], { name: file.name })).waitFor();
      await row.getByText(L['requests.item.received'], { exact: true }).waitFor();
    };
    await uploadFor(items[0], { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: certificate });
    await uploadFor(items[1], { name: 'bank-details.txt', mimeType: 'text/plain', buffer: Buffer.from('IBAN 2024') });
    await photograph(page, 'request-uploaded');

    // The manager's open page learns of the files on reload; both items wait for review.
    await managerPage.reload();
    await managerPage.getByRole('button', { name: L['requests.entry'], exact: true }).click();
    const itemBox = (label: string) => card.locator('.mantine-Paper-root').filter({ hasText: label });
    for (const item of items) await itemBox(item).getByText(L['requests.item.received'], { exact: true }).waitFor();

    await itemBox(items[0]).getByRole('button', { name: L['requests.approve'], exact: true }).click();
    await itemBox(items[0]).getByText(L['requests.item.approved'], { exact: true }).waitFor();

    await itemBox(items[1]).getByRole('button', { name: L['requests.reject'], exact: true }).click();
    const reject = managerPage.getByRole('dialog', { name: fill(L['requests.rejectTitle'], { name: items[1] }) });
    await reject.getByLabel(L['requests.rejectComment']).fill(comment);
    await reject.getByRole('button', { name: L['requests.reject'], exact: true }).click();
    await reject.waitFor({ state: 'hidden' });
    await itemBox(items[1]).getByText(L['requests.item.rejected'], { exact: true }).waitFor();
    await itemBox(items[1]).getByText(comment).waitFor();
    // One item is still missing, so the request stays open.
    await card.getByText(L['requests.status.open'], { exact: true }).waitFor();

    // The approved file downloads from the request card with the outsider's exact bytes.
    const downloading = managerPage.waitForEvent('download');
    await itemBox(items[0])
      .getByRole('link', { name: fill(L['requests.openFile'], { name: 'certificate.pdf' }), exact: true })
      .click();
    expect((await readFile(await (await downloading).path())).equals(certificate)).toBe(true);

    // And it sits in the chosen folder, under a name that says which item it answers.
    const receivedName = `${items[0]} — certificate.pdf`;
    await managerPage.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await managerPage.getByTestId(`file-row-${receivedName}`).waitFor();
    const api = server.client();
    await api.signIn(manager.email, DEFAULT_PASSWORD);
    const listing = await api.get(`/api/v1/spaces/${space.id}/files?folderId=${destination.id}`);
    const stored = listing.body.documents.find((doc: { name: string }) => doc.name === receivedName);
    expect(stored).toBeTruthy();
    const content = await api.getBytes(routes.downloadDocument.path.replace(':id', stored.id));
    expect(content.status).toBe(200);
    expect(content.bytes.equals(certificate)).toBe(true);

    // The outsider hears of the rejection by e-mail and on the page, and may upload that item again.
    const rejection = await catcher.waitFor(mailTo(outsider.email, /send again/), 20_000);
    expect(rejection.text).toContain(comment);
    await page.reload();
    const rejected = page.getByTestId(`request-item-${items[1]}`);
    await rejected.getByText(fill(L['requestPage.rejectedBecause'], { comment })).waitFor();
    await rejected.getByRole('button', { name: fill(L['requestPage.uploadFor'], { name: items[1] }) }).waitFor();
    const approved = page.getByTestId(`request-item-${items[0]}`);
    await approved.getByText(L['requests.item.approved'], { exact: true }).waitFor();
    expect(await approved.getByRole('button').count()).toBe(0);
    await photograph(page, 'request-reviewed');
  });
});
