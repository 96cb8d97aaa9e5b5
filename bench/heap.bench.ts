import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support';

/**
 * `npm run bench:heap` — figures, not assertions. Starts the real server (SQLite, local storage, a fresh data dir)
 * in a child process, and prints its heap and RSS after start and after a forced garbage collection, and the
 * packages it loaded, largest first. The packages that only some jobs or settings need are listed as "lazy":
 * none of them should be loaded by a plain start.
 */
const LAZY = [
  '@aws-sdk/',
  '@smithy/',
  'unpdf',
  'pdfjs-dist',
  'sharp',
  '@img/',
  '@napi-rs/canvas',
  'fflate',
  'nodemailer',
  'qrcode',
  '@zxcvbn-ts/',
];

function packageOf(path: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? match[1] : null;
}

function sourceBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

const work = mkdtempSync(join(tmpdir(), 'gatehouse-heap-'));
const moduleLog = join(work, 'modules.log');
writeFileSync(moduleLog, '');
try {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'heap-probe.ts')],
    {
      env: {
        ...process.env,
        DATA_DIR: join(work, 'data'),
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        STORAGE: 'local',
        HEAP_PROBE_MODULE_LOG: moduleLog,
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    afterStart: { heapUsedMb: number; heapTotalMb: number; rssMb: number };
    afterGc: { heapUsedMb: number; heapTotalMb: number; rssMb: number };
    files: string[];
  };
  const paths = new Set(
    result.files.filter((f) => !f.startsWith('node:')).map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)),
  );
  const filesByPackage = new Map<string, string[]>();
  for (const path of paths) {
    const name = packageOf(path);
    if (name) filesByPackage.set(name, [...(filesByPackage.get(name) ?? []), path]);
  }
  // Source size read is a rough but honest proxy for what a package costs the heap: compiled code and its objects.
  const packages = [...filesByPackage].map(([name, files]) => ({
    name,
    bytes: files.reduce((sum, path) => sum + sourceBytes(path), 0),
  }));
  packages.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const describe = (list: typeof packages) => list.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ');
  const lazyLoaded = packages.filter((p) => LAZY.some((prefix) => p.name.startsWith(prefix)));

  console.log('Heap after start (SQLite, local storage, empty data dir)');
  console.log(
    `  after start:  heapUsed ${result.afterStart.heapUsedMb} MB, heapTotal ${result.afterStart.heapTotalMb} MB, RSS ${result.afterStart.rssMb} MB`,
  );
  console.log(
    `  after gc:     heapUsed ${result.afterGc.heapUsedMb} MB, heapTotal ${result.afterGc.heapTotalMb} MB, RSS ${result.afterGc.rssMb} MB`,
  );
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  console.log(`  packages loaded: ${packages.length}, ${paths.size} module files, ${kb(total)} of package source`);
  console.log(`  largest: ${describe(packages.slice(0, 12))}`);
  console.log(`  lazy packages loaded at start: ${lazyLoaded.length ? describe(lazyLoaded) : 'none'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
