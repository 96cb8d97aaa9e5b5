import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

/**
 * Child process of `npm run bench:heap` (run with --expose-gc): starts the real server, waits for it to settle, and
 * prints one JSON line with the heap and RSS before and after a forced collection and the modules it loaded. The
 * server is imported only after the resolve hook is registered, so every module the server pulls in is recorded.
 */
const logFile = process.env.HEAP_PROBE_MODULE_LOG ?? '';
register('./module-log.hooks.mjs', import.meta.url, { data: { logFile } });

const settleMs = Number(process.env.HEAP_PROBE_SETTLE_MS ?? 2000);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const memory = () => {
  const usage = process.memoryUsage();
  return { heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), rssMb: mb(usage.rss) };
};

await import('../server/src/modules');
const { loadConfig } = await import('../server/src/core/config/config');
const { startServer } = await import('../server/src/server');
const server = await startServer(loadConfig());
await new Promise((resolve) => setTimeout(resolve, settleMs));
const afterStart = memory();
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
gc();
gc();
const afterGc = memory();

// Packages required from CommonJS never reach the ESM hook: the shared require cache has them.
const files = [
  ...readFileSync(logFile, 'utf8').split('\n'),
  ...Object.keys(createRequire(import.meta.url).cache),
].filter(Boolean);
await server.stop();
console.log(JSON.stringify({ afterStart, afterGc, files }));
process.exit(0);
