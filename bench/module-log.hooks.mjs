import { appendFileSync } from 'node:fs';

/**
 * ESM resolve hook for `npm run bench:heap`: appends every resolved module URL to a file, so the probe can tell which
 * packages the server loaded through `import`. It runs on Node's hooks thread, hence a file rather than a variable.
 */
let logFile = '';

export function initialize(data) {
  logFile = data.logFile;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(logFile, `${resolved.url}\n`);
  return resolved;
}
