import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverSrc = fileURLToPath(new URL('../src', import.meta.url));
const modulesDir = join(serverSrc, 'modules');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts)$/.test(entry.name)) yield path;
  }
}

/** Relative imports of a file (static `from '…'` and dynamic `import('…')`), resolved to paths without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specifiers.map((s) => resolve(dirname(file), s).replace(/\.(ts|js|mjs)$/, ''));
}

const moduleOf = (path: string) => {
  const rel = relative(modulesDir, path);
  return rel === '' || rel.startsWith('..') ? null : (rel.split('/')[0] ?? null);
};
const isTestCode = (path: string) => /\.(test|test-helpers|test-support|test-fixtures)(\.ts)?$/.test(path);

export type ImportViolation = { from: string; to: string };

/**
 * A module's public surface is its `index.ts`: other modules import that, never its queries, tables or internals
 * (tests may also use another module's test helpers). Returns every import that breaks the rule.
 */
export function boundaryViolations(files: Iterable<string>, imports: (file: string) => string[]): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const file of files) {
    const from = moduleOf(file);
    for (const target of imports(file)) {
      const to = moduleOf(target);
      if (to === null || to === from) continue;
      const publicEntry = target === join(modulesDir, to) || target === join(modulesDir, to, 'index');
      // The registry (modules.ts) composes the application from each module's manifest; modules never import one.
      const manifestForRegistry = from === null && target === join(modulesDir, to, `${to}.module`);
      if (publicEntry || manifestForRegistry || (isTestCode(file) && isTestCode(target))) continue;
      violations.push({ from: relative(serverSrc, file), to: relative(serverSrc, target) });
    }
  }
  return violations;
}

describe('module boundaries', () => {
  it("no module reaches into another module's files: only through its index.ts", () => {
    expect(boundaryViolations(sourceFiles(serverSrc), importsOf)).toEqual([]);
  });

  it('core never imports a module: modules build on core, not the other way round', () => {
    const core = [...sourceFiles(join(serverSrc, 'core'))].filter((f) => !isTestCode(f));
    const reaching = core.flatMap((file) =>
      importsOf(file)
        // modules.ts is the registry the core derives its lists from, not a module.
        .filter((target) => moduleOf(target) !== null)
        .map((target) => ({ from: relative(serverSrc, file), to: relative(serverSrc, target) })),
    );
    expect(reaching).toEqual([]);
  });

  it('the check catches a module importing another module’s queries', () => {
    const fake = join(modulesDir, 'requests', 'requests.service.ts');
    const found = boundaryViolations([fake], () => [join(modulesDir, 'documents', 'documents.queries')]);
    expect(found).toEqual([
      { from: 'modules/requests/requests.service.ts', to: 'modules/documents/documents.queries' },
    ]);
  });

  it('a module cannot import another module’s manifest; only the registry composes manifests', () => {
    const fake = join(modulesDir, 'webdav', 'webdav.routes.ts');
    const manifest = join(modulesDir, 'documents', 'documents.module');
    expect(boundaryViolations([fake], () => [manifest])).toHaveLength(1);
    expect(boundaryViolations([join(serverSrc, 'modules.ts')], () => [manifest])).toEqual([]);
  });

  it('the production code never imports the test folder (the demo seed included)', () => {
    const testDir = fileURLToPath(new URL('.', import.meta.url));
    const offenders = [...sourceFiles(serverSrc)]
      .filter((f) => !isTestCode(f))
      .filter((file) => importsOf(file).some((target) => target.startsWith(testDir)));
    expect(offenders.map((f) => relative(serverSrc, f))).toEqual([]);
  });
});
