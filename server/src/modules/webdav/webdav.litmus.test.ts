import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness';
import { davSpace } from './webdav.test-support';

const run = promisify(execFile);

/** The number of tests each litmus 0.13 suite runs (Apache mod_dav passes all 104 on these machines). */
const SUITES = { basic: 16, copymove: 13, props: 30, locks: 41, http: 4 } as const;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('litmus, the WebDAV conformance suite, against a real server', () => {
  it('litmus is installed (scripts/test.mjs installs it)', () => {
    expect(existsSync('/usr/bin/litmus')).toBe(true);
  });

  for (const [suite, count] of Object.entries(SUITES)) {
    it(`the ${suite} suite runs ${count} tests and every one passes`, async () => {
      // Each suite in a fresh space: litmus works under <url>/litmus/ and leaves nothing behind only when it passes.
      const { person, url } = await davSpace(server);
      // Asynchronous on purpose: the server runs in this process, a synchronous spawn would deadlock it.
      const result = await run('litmus', [url, person.email, person.token], {
        env: { ...process.env, TESTS: suite },
        encoding: 'utf8',
        timeout: 120_000,
      }).catch((error: { stdout?: string; stderr?: string }) => ({
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }));
      const summary = new RegExp(`summary for \`${suite}': of (\\d+) tests run: (\\d+) passed, (\\d+) failed`).exec(
        result.stdout,
      );
      expect(summary, result.stdout + result.stderr).not.toBeNull();
      const [, ran, passed, failed] = (summary as RegExpExecArray).map(Number);
      expect({ ran, passed, failed }, result.stdout).toEqual({ ran: count, passed: count, failed: 0 });
    }, 150_000);
  }
});
