import { accessSync, constants, mkdirSync } from 'node:fs';
import { CHROMIUM_PATH, RESULTS_DIR } from './browser';

export function setup(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `e2e: no executable browser at ${CHROMIUM_PATH}.\n` +
        'Install Debian chromium: `sudo apt-get install -y chromium` (or set GATEHOUSE_CHROMIUM to a Chromium binary).\n' +
        'Do not run `npx playwright install`: it downloads from the internet.',
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
}
