import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from './harness';

/** The operator CLI, run as a real process exactly like `npx gatehouse …`, on the suite's database. */
const bin = fileURLToPath(new URL('../bin/gatehouse.mjs', import.meta.url));
let server: TestServer;
let dataDir: string;

function gatehouse(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
      ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}),
      ...env,
    },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
  server = await startTestServer({ dataDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`operator CLI (${testDialect})`, () => {
  it('every configuration problem is printed at once and the command exits non-zero', () => {
    const result = gatehouse(['migrate'], { PORT: 'eighty', REQUIRE_2FA: 'sometimes', TLS_CERT_FILE: '/nope.pem' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('REQUIRE_2FA');
    expect(result.stderr).toContain('TLS_CERT_FILE');
  });

  it('bad arguments give a clear message and exit code 2', () => {
    const missing = gatehouse(['org', 'create', '--name', 'No Kind']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--kind');
    const unknown = gatehouse(['user', 'fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command');
    const badFlag = gatehouse(['org', 'create', '--name', 'X', '--kind', 'customer', '--colour', 'red']);
    expect(badFlag.code).toBe(2);
  });

  it('migrate reports an up-to-date database', () => {
    const result = gatehouse(['migrate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  it('an operator creates an organization, a person, a space and a token that works as a Bearer credential, then disables the person', async () => {
    const org = gatehouse(['org', 'create', '--name', 'Cli Supplies', '--kind', 'supplier']);
    expect(org.code).toBe(0);
    const badKind = gatehouse(['org', 'create', '--name', 'Bad', '--kind', 'pirate']);
    expect(badKind.code).not.toBe(0);

    const weak = gatehouse([
      'user',
      'create',
      '--email',
      'weak@cli.test',
      '--name',
      'Weak',
      '--org',
      'Cli Supplies',
      '--password',
      'password',
    ]);
    expect(weak.code).toBe(1);
    expect(weak.stderr.toLowerCase()).toContain('password');
    const noOrg = gatehouse([
      'user',
      'create',
      '--email',
      'x@cli.test',
      '--name',
      'X',
      '--org',
      'No Such Org',
      '--password',
      'a strong passphrase 7',
    ]);
    expect(noOrg.code).toBe(1);

    const admin = gatehouse([
      'user',
      'create',
      '--email',
      'root@cli.test',
      '--name',
      'Root',
      '--password',
      'a strong passphrase 7',
      '--admin',
    ]);
    expect(admin.code).toBe(0);
    const user = gatehouse([
      'user',
      'create',
      '--email',
      'sue@cli.test',
      '--name',
      'Sue',
      '--org',
      'Cli Supplies',
      '--password',
      'a strong passphrase 7',
    ]);
    expect(user.code).toBe(0);
    const space = gatehouse([
      'space',
      'create',
      '--name',
      'Cli Space',
      '--kind',
      'supplier',
      '--owner',
      'root@cli.test',
    ]);
    expect(space.code).toBe(0);

    const token = gatehouse([
      'token',
      'create',
      '--email',
      'sue@cli.test',
      '--name',
      'laptop',
      '--expires',
      '2099-01-01',
    ]);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim().split('\n').pop() as string;
    expect(secret).toMatch(/^gh_/);
    const client = server.client();
    client.bearer = secret;
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('sue@cli.test');

    const disabled = gatehouse(['user', 'disable', '--email', 'sue@cli.test']);
    expect(disabled.code).toBe(0);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  }, 180_000);

  it('verify-audit passes on an intact trail and names the tampered row otherwise', async () => {
    const intact = gatehouse(['verify-audit']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('intact');
    const victim = await server.deps.db
      .selectFrom('audit_events')
      .select(['seq', 'id'])
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await server.deps.db
      .updateTable('audit_events')
      .set({ action: 'nothing.to.see' })
      .where('seq', '=', victim.seq)
      .execute();
    const tampered = gatehouse(['verify-audit']);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain(`seq ${victim.seq}`);
    expect(tampered.stderr).toContain(victim.id);
  }, 60_000);
});
