#!/usr/bin/env node
// `npm start [-- args]`: build the web app if it is stale, then run the server
// (`node --import tsx server/src/main.ts start [args]`), forwarding SIGINT/SIGTERM.
// GATEHOUSE_BUILD_WEB=1 forces a web build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const DIST_INDEX = 'web/dist/index.html';
// Everything the web bundle is built from.
const WEB_INPUTS = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/package.json',
  'contracts/src',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function webBuildReason() {
  if (process.env.GATEHOUSE_BUILD_WEB === '1') return 'GATEHOUSE_BUILD_WEB=1';
  if (!existsSync(DIST_INDEX)) return `${DIST_INDEX} is missing`;
  const built = statSync(DIST_INDEX).mtimeMs;
  const newest = Math.max(...WEB_INPUTS.map(newestMtime));
  return newest > built ? 'web sources changed since the last build' : undefined;
}

const reason = webBuildReason();
if (reason) {
  console.log(`[start] building the web app (${reason})`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] web build failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`[start] web app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child.exitCode === null) child.kill(sig);
  });
}
child.on('error', (err) => {
  console.error(`[start] could not start the server: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
});
