/**
 * Launching the Debian chromium through playwright-core (never `npx playwright install`:
 * it downloads a browser and fails offline).
 */
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Directory for screenshots and traces (git-ignored). */
export const RESULTS_DIR = '.test-results';
