#!/usr/bin/env node
// `npm test`: preflight (chromium, PostgreSQL 15), web build, static checks, then the whole
// vitest suite (server on SQLite and PostgreSQL, browser tests). Ends with exactly one line
// `N passed, N failed` and a non-zero exit code if anything failed or nothing ran.
//
// Usage: npm test [-- <vitest args>]     e.g. npm test -- --project server-sqlite
//   --skip-static   do not run biome / tsc        --skip-build   do not build the web app
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const CHROMIUM = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';
const PG_INITDB = '/usr/lib/postgresql/15/bin/initdb';
const LITMUS = '/usr/bin/litmus';
const RCLONE = '/usr/bin/rclone';
const RESULTS_DIR = '.test-results';
const VITEST_JSON = join(RESULTS_DIR, 'vitest.json');
const BIN = join(ROOT, 'node_modules', '.bin');

const ownFlags = new Set(['--skip-static', '--skip-build']);
const argv = process.argv.slice(2);
const skipStatic = argv.includes('--skip-static');
const skipBuild = argv.includes('--skip-build');
const vitestArgs = argv.filter((a) => !ownFlags.has(a));

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** @type {{ name: string, ok: boolean }[]} */
const extraResults = [];
/** @type {{ name: string, ms: number, note?: string }[]} */
const timings = [];
/** @type {import('node:child_process').ChildProcess | undefined} */
let currentChild;
let interrupted = false;

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    interrupted = true;
    if (currentChild && currentChild.exitCode === null) currentChild.kill(sig);
    console.error(`\n[test] received ${sig}, stopping`);
    process.exitCode = 130;
    // Let the child clean up (vitest stops the PostgreSQL cluster on exit), then leave.
    setTimeout(() => process.exit(130), 15_000).unref();
  });
}

function log(msg) {
  console.log(`[test] ${msg}`);
}

function banner(title) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 70 - title.length))}`);
}

function fmtMs(ms) {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

async function phase(name, fn) {
  if (interrupted) throw new Error(`interrupted before ${name}`);
  banner(name);
  const t0 = Date.now();
  let note;
  try {
    note = await fn();
  } finally {
    const ms = Date.now() - t0;
    timings.push({ name, ms, note: typeof note === 'string' ? note : undefined });
    log(`${name}: ${fmtMs(ms)}`);
  }
}

/**
 * Run a command. `capture`: collect stdout+stderr instead of streaming it.
 * Resolves { code, output } (never rejects; spawn errors become code 127).
 */
function run(cmd, args, { capture = false, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    currentChild = child;
    let output = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
    }
    child.on('error', (err) => {
      output += `\n${cmd}: ${err.message}\n`;
    });
    child.on('close', (code, signal) => {
      if (currentChild === child) currentChild = undefined;
      resolve({ code: code ?? (signal ? 128 : 127), output });
    });
  });
}

// ---------------------------------------------------------------- preflight

function aptHasLists() {
  try {
    return readdirSync('/var/lib/apt/lists').some((f) => f.endsWith('_Packages'));
  } catch {
    return false;
  }
}

let aptUpdated = false;
async function aptInstall(pkg) {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a concurrently running apt instead of failing on its lock.
  const lockOpt = ['-o', 'DPkg::Lock::Timeout=600'];
  if (!aptUpdated && (!aptHasLists() || spawnSync('apt-cache', ['show', pkg], { stdio: 'ignore' }).status !== 0)) {
    log('apt-get update');
    const u = await run('apt-get', [...lockOpt, 'update'], { env });
    if (u.code !== 0) throw new Error(`apt-get update failed (exit ${u.code})`);
    aptUpdated = true;
  }
  log(`apt-get install -y ${pkg}`);
  let r = await run('apt-get', [...lockOpt, 'install', '-y', '--no-install-recommends', pkg], { env });
  if (r.code !== 0 && !aptUpdated) {
    log('install failed; refreshing package lists and retrying');
    await run('apt-get', [...lockOpt, 'update'], { env });
    aptUpdated = true;
    r = await run('apt-get', [...lockOpt, 'install', '-y', '--no-install-recommends', pkg], { env });
  }
  if (r.code !== 0) throw new Error(`apt-get install ${pkg} failed (exit ${r.code})`);
}

async function preflight() {
  const missing = [];
  if (!existsSync(join(BIN, 'vitest'))) {
    throw new Error('node_modules is missing or incomplete: run `npm ci` (or `npm install`) first.');
  }
  if (!existsSync(CHROMIUM)) missing.push({ what: `Chromium (${CHROMIUM})`, pkg: 'chromium', path: CHROMIUM });
  if (!existsSync(PG_INITDB))
    missing.push({ what: `PostgreSQL 15 server binaries (${PG_INITDB})`, pkg: 'postgresql-15', path: PG_INITDB });
  // WebDAV: the litmus conformance suite and a real client session (rclone) run against a test server.
  if (!existsSync(LITMUS)) missing.push({ what: `litmus (${LITMUS})`, pkg: 'litmus', path: LITMUS });
  if (!existsSync(RCLONE)) missing.push({ what: `rclone (${RCLONE})`, pkg: 'rclone', path: RCLONE });
  if (missing.length === 0) return 'chromium, postgresql-15, litmus and rclone present';
  if (!isRoot) {
    console.error('[test] Missing system packages needed by the test suite:');
    for (const m of missing) console.error(`  - ${m.what}`);
    console.error(
      `Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`,
    );
    console.error('(Debian/Ubuntu packages; do not use `npx playwright install`, which downloads browsers.)');
    throw new Error(`missing system packages: ${missing.map((m) => m.pkg).join(', ')} (not root, cannot install)`);
  }
  for (const m of missing) {
    await aptInstall(m.pkg);
    if (!existsSync(m.path)) throw new Error(`${m.pkg} installed but ${m.path} still missing`);
  }
  return `installed ${missing.map((m) => m.pkg).join(', ')}`;
}

// ---------------------------------------------------------------- web build

async function buildWeb() {
  if (skipBuild) {
    log('SKIPPED web build (--skip-build)');
    return 'skipped (--skip-build)';
  }
  let hasBuild = false;
  try {
    hasBuild = Boolean(JSON.parse(readFileSync('web/package.json', 'utf8')).scripts?.build);
  } catch {
    hasBuild = false;
  }
  if (!hasBuild || !existsSync('web/index.html')) {
    const why = !hasBuild ? 'web/package.json has no "build" script' : 'web/index.html is missing';
    console.log(`[test] WARNING: web build SKIPPED: ${why}. Browser tests that need the built app will fail.`);
    return `skipped: ${why}`;
  }
  const r = await run('npm', ['run', 'build', '--workspace', 'web']);
  extraResults.push({ name: 'web build (npm run build --workspace web)', ok: r.code === 0 });
  if (r.code !== 0) console.log(`[test] FAIL web build (exit ${r.code})`);
  return r.code === 0 ? 'ok' : `failed (exit ${r.code})`;
}

// ---------------------------------------------------------------- static checks

async function staticChecks() {
  if (skipStatic) {
    log('SKIPPED static checks (--skip-static)');
    return 'skipped (--skip-static)';
  }
  const checks = [
    { name: 'static: biome check .', cmd: join(BIN, 'biome'), args: ['check', '.', '--colors=off'] },
    { name: 'static: tsc -p tsconfig.json --noEmit', cmd: join(BIN, 'tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  ];
  const results = await Promise.all(
    checks.map(async (c) => {
      const t0 = Date.now();
      const r = await run(c.cmd, c.args, { capture: true });
      return { ...c, ...r, ms: Date.now() - t0 };
    }),
  );
  for (const r of results) {
    const ok = r.code === 0;
    extraResults.push({ name: r.name, ok });
    console.log(`[test] ${ok ? 'PASS' : 'FAIL'} ${r.name} (${fmtMs(r.ms)})`);
    if (!ok) console.log(r.output.trimEnd().replace(/^/gm, '    '));
  }
  return results.map((r) => `${r.name.replace('static: ', '')} ${r.code === 0 ? 'ok' : 'FAILED'}`).join(', ');
}

// ---------------------------------------------------------------- vitest

/** @returns {Promise<{ passed: number, failed: number, skipped: number, total: number, notes: string[] }>} */
async function runVitest() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(VITEST_JSON, { force: true });
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`, ...vitestArgs];
  log(`vitest ${args.join(' ')}`);
  const { code } = await run(join(BIN, 'vitest'), args);
  const notes = [];

  if (!existsSync(VITEST_JSON)) {
    notes.push(`vitest exited with code ${code} and wrote no report (${VITEST_JSON})`);
    return { passed: 0, failed: 1, skipped: 0, total: 0, notes };
  }
  /** @type {any} */
  let report;
  try {
    report = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
  } catch (err) {
    notes.push(`could not parse ${VITEST_JSON}: ${err.message}`);
    return { passed: 0, failed: 1, skipped: 0, total: 0, notes };
  }

  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const total = report.numTotalTests ?? 0;

  // A test file that fails to import/collect, or whose hooks fail, has status "failed" but may have
  // no failed test in it: count each such file as one failure so a broken suite never looks green.
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) {
      failed += 1;
      const rel = String(file.name ?? '?').replace(`${ROOT}/`, '');
      const msg = String(file.message ?? '').split('\n')[0];
      notes.push(`suite error: ${rel}${msg ? ` — ${msg}` : ''}`);
    }
  }
  // Unhandled errors, global setup failures, ... : vitest fails but the counts may look fine.
  if (code !== 0 && failed === 0) {
    failed += 1;
    notes.push(`vitest exited with code ${code} (unhandled error or setup/teardown failure, see output above)`);
  }
  if (total === 0) {
    if (failed === 0) failed += 1;
    notes.push('no tests ran');
  }
  return { passed, failed, skipped, total, notes };
}

// ---------------------------------------------------------------- main

const tStart = Date.now();
let vitestResult = { passed: 0, failed: 0, skipped: 0, total: 0, notes: [] };
let fatal;
try {
  await phase('preflight', preflight);
  await phase('web build', buildWeb);
  await phase('static checks', staticChecks);
  await phase('vitest', async () => {
    vitestResult = await runVitest();
    return `${vitestResult.passed} passed, ${vitestResult.failed} failed, ${vitestResult.skipped} skipped`;
  });
} catch (err) {
  fatal = err;
  console.error(`[test] ERROR: ${err instanceof Error ? err.message : err}`);
}

banner('summary');
for (const t of timings) console.log(`  ${t.name.padEnd(16)} ${fmtMs(t.ms).padStart(9)}${t.note ? `  ${t.note}` : ''}`);
console.log(`  ${'total'.padEnd(16)} ${fmtMs(Date.now() - tStart).padStart(9)}`);
for (const r of extraResults.filter((r) => !r.ok)) console.log(`  FAILED: ${r.name}`);
for (const n of vitestResult.notes) console.log(`  ${n}`);
if (vitestResult.skipped) console.log(`  (${vitestResult.skipped} tests skipped or todo, not counted)`);

const passed = vitestResult.passed + extraResults.filter((r) => r.ok).length;
const failed = vitestResult.failed + extraResults.filter((r) => !r.ok).length + (fatal ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || vitestResult.total === 0 ? 1 : 0);
