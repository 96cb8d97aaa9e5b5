import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, RESULTS_DIR } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('chromium renders a page, runs its script and takes a screenshot', async () => {
  const html = `<!doctype html><html><body>
    <p id="status">idle</p>
    <button id="go" onclick="document.getElementById('status').textContent = 'clicked ' + (1 + 1)">Go</button>
  </body></html>`;
  const page = await browser.newPage();
  try {
    await page.goto(`data:text/html,${encodeURIComponent(html)}`);
    expect(await page.textContent('#status')).toBe('idle');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'clicked 2');
    expect(await page.textContent('#status')).toBe('clicked 2');

    const file = join(RESULTS_DIR, 'smoke.png');
    await page.screenshot({ path: file });
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(100);
  } finally {
    await page.close();
  }
});
