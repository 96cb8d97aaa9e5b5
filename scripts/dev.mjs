#!/usr/bin/env node
// `npm run dev`: Vite dev server for the web app + the API server under `tsx watch`.
// Stops both when either exits or on SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const BIN = join(ROOT, 'node_modules', '.bin');

const procs = [
  { name: 'server', cmd: join(BIN, 'tsx'), args: ['watch', 'server/src/main.ts', 'start', ...process.argv.slice(2)] },
  { name: 'web', cmd: join(BIN, 'vite'), args: [], cwd: join(ROOT, 'web') },
];

let stopping = false;
let exitCode = 0;
let running = procs.length;

function stopAll(signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  // Don't wait forever for a child that ignores the signal.
  setTimeout(() => process.exit(exitCode), 10_000).unref();
}

const children = procs.map((p) => {
  const child = spawn(p.cmd, p.args, { stdio: 'inherit', cwd: p.cwd ?? ROOT });
  child.on('error', (err) => {
    console.error(`[dev] ${p.name}: ${err.message}`);
    exitCode = 1;
  });
  child.on('close', (code, signal) => {
    running -= 1;
    if (!stopping) {
      console.error(`[dev] ${p.name} exited (${signal ?? code}); stopping the rest`);
      exitCode = code || 1;
    }
    stopAll();
    if (running === 0) process.exit(exitCode);
  });
  return child;
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(sig));
