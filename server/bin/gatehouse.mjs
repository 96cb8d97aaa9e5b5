#!/usr/bin/env node
// `npx gatehouse <command> [...args]`: runs server/src/main.ts through tsx, no build step.
// main.ts reads process.argv.slice(2), which is left untouched here.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const mainPath = fileURLToPath(new URL('../src/main.ts', import.meta.url));
if (!existsSync(mainPath)) {
  console.error(`gatehouse: ${mainPath} not found`);
  process.exit(1);
}
register();
await import(pathToFileURL(mainPath).href);
