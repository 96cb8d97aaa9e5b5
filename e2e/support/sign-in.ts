import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_PASSWORD } from '../../server/test/factories';
import type { en } from '../../web/src/locales';

/** Signs in through the real form in the page's language and waits until the app has left the sign-in page. */
export async function signIn(
  page: Page,
  options: { baseUrl: string; labels: typeof en; email: string; password?: string },
): Promise<void> {
  const L = options.labels;
  await page.goto(`${options.baseUrl}/login`);
  await page.getByLabel(L['login.email'], { exact: true }).fill(options.email);
  await page.getByLabel(L['login.password'], { exact: true }).fill(options.password ?? DEFAULT_PASSWORD);
  await page.getByRole('button', { name: L['login.submit'], exact: true }).click();
  await expect.poll(() => page.url()).not.toContain('/login');
}
