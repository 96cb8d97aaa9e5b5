import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness';
import { davSpace } from './webdav.test-support';

const run = promisify(execFile);
const RCLONE = '/usr/bin/rclone';

let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startTestServer();
  work = mkdtempSync(join(tmpdir(), 'gatehouse-rclone-'));
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const files: Record<string, Buffer> = {
  'report.pdf': randomBytes(3 * 1024 * 1024 + 17),
  'notes/été 2025.txt': Buffer.from('des notes accentuées\n'),
  'notes/deep/empty.bin': Buffer.alloc(0),
  'notes/deep/data (1).csv': Buffer.from('a,b\n1,2\n'),
};

describe('a real WebDAV client (rclone) works against Gatehouse', () => {
  it('uploads a tree, renames a folder and downloads it back byte for byte', async () => {
    expect(existsSync(RCLONE), 'rclone is installed by scripts/test.mjs (apt-get install -y rclone)').toBe(true);
    const { person, url } = await davSpace(server);
    const local = join(work, 'local');
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(join(local, path, '..'), { recursive: true });
      writeFileSync(join(local, path), bytes);
    }
    const configFile = join(work, 'rclone.conf');
    writeFileSync(configFile, '');
    const obscured = (await run(RCLONE, ['obscure', person.token])).stdout.trim();
    const env = {
      ...process.env,
      RCLONE_CONFIG: configFile,
      RCLONE_CONFIG_GH_TYPE: 'webdav',
      RCLONE_CONFIG_GH_URL: url,
      RCLONE_CONFIG_GH_VENDOR: 'other',
      RCLONE_CONFIG_GH_USER: person.email,
      RCLONE_CONFIG_GH_PASS: obscured,
    };
    // Asynchronous on purpose: the server runs in this process.
    const rclone = (...args: string[]) =>
      run(RCLONE, [...args, '--retries', '1', '--low-level-retries', '1'], { env, timeout: 60_000 });

    await rclone('copy', local, 'gh:tree');
    await rclone('moveto', 'gh:tree/notes', 'gh:tree/renamed notes');
    const back = join(work, 'back');
    await rclone('copy', 'gh:tree', back);

    for (const [path, bytes] of Object.entries(files)) {
      const served = path.replace(/^notes\//, 'renamed notes/');
      expect(readFileSync(join(back, served)).equals(bytes), served).toBe(true);
    }
    expect(existsSync(join(back, 'notes'))).toBe(false);
  }, 120_000);
});
