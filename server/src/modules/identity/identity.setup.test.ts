import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness';
import { bootstrapFirstAdmin } from './identity.bootstrap';
import { auditEvents } from './identity.test-helpers';

const ADMIN_PASSWORD = 'first admin passphrase 2025';
let fresh: TestServer;
let fromEnv: TestServer;

beforeAll(async () => {
  fresh = await startTestServer();
  fromEnv = await startTestServer({
    env: { GATEHOUSE_ADMIN_EMAIL: 'Ops@Example.test', GATEHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
});
afterAll(async () => {
  await fresh?.close();
  await fromEnv?.close();
});

const tokenOf = (setupUrl: string) => (/\/setup\/([A-Za-z0-9_-]+)$/.exec(setupUrl) as RegExpExecArray)[1];

describe('first admin from the environment', () => {
  it('GATEHOUSE_ADMIN_EMAIL and _PASSWORD create an active host admin at start, audited as system, and no setup link', async () => {
    expect(fromEnv.setupUrl).toBeNull();
    const client = fromEnv.client();
    await client.signIn('ops@example.test', ADMIN_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({ email: 'ops@example.test', isAdmin: true, organization: { isHost: true } });
    const [event] = await auditEvents(fromEnv.deps.db, 'setup.first_admin_created');
    expect(event.actor_label).toBe('system (bootstrap)');
    expect(JSON.parse(event.details)).toEqual({ via: 'environment' });
    expect((await fromEnv.client().get('/api/v1/setup')).body).toEqual({ setupRequired: false });
  });

  it('a restart with the admin present changes nothing', async () => {
    expect(await bootstrapFirstAdmin(fromEnv.deps)).toBeNull();
    const admins = await fromEnv.deps.db.selectFrom('users').select('id').where('is_admin', '=', 1).execute();
    expect(admins).toHaveLength(1);
  });
});

describe('first admin through the setup link', () => {
  it('a fresh instance has no account at all, reports setup required and prints a one-time setup link', async () => {
    expect(fresh.setupUrl).toMatch(/\/setup\/[A-Za-z0-9_-]{40,}$/);
    const users = await fresh.deps.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(0);
    const status = await fresh.client().get('/api/v1/setup');
    expect(status.body).toEqual({ setupRequired: true });
  });

  it('a weak admin password in the environment stops the start with a clear error', async () => {
    const config = {
      ...fresh.deps.config,
      GATEHOUSE_ADMIN_EMAIL: 'ops@example.test',
      GATEHOUSE_ADMIN_PASSWORD: 'password',
    };
    await expect(bootstrapFirstAdmin({ ...fresh.deps, config })).rejects.toThrow(/GATEHOUSE_ADMIN_PASSWORD is refused/);
    expect(await fresh.deps.db.selectFrom('users').select('id').execute()).toHaveLength(0);
  });

  it('each start replaces the previous setup link', async () => {
    const first = await bootstrapFirstAdmin(fresh.deps);
    const second = await bootstrapFirstAdmin(fresh.deps);
    const body = { email: 'nobody@example.test', name: 'Nobody', password: ADMIN_PASSWORD };
    const old = await fresh.client().post('/api/v1/setup', { ...body, token: tokenOf(first?.setupUrl as string) });
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('identity.invalid_token');
    fresh.setupUrl = second?.setupUrl ?? null;
  });

  it('a wrong token or a weak password is refused', async () => {
    const wrong = await fresh.client().post('/api/v1/setup', {
      token: 'not-the-setup-token-at-all',
      email: 'admin@example.test',
      name: 'Admin',
      password: ADMIN_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('identity.invalid_token');
    const weak = await fresh.client().post('/api/v1/setup', {
      token: tokenOf(fresh.setupUrl as string),
      email: 'admin@example.test',
      name: 'Admin',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('identity.weak_password');
  });

  it('the setup link creates the host admin and signs them in; afterwards setup answers 409', async () => {
    const client = fresh.client();
    const token = tokenOf(fresh.setupUrl as string);
    const setup = await client.post('/api/v1/setup', {
      token,
      email: 'Founder@Example.test',
      name: 'First Admin',
      password: ADMIN_PASSWORD,
    });
    expect(setup.status).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({
      email: 'founder@example.test',
      name: 'First Admin',
      isAdmin: true,
      organization: { isHost: true },
    });
    expect((await fresh.client().get('/api/v1/setup')).body).toEqual({ setupRequired: false });
    const [event] = await auditEvents(fresh.deps.db, 'setup.first_admin_created');
    expect(JSON.parse(event.details)).toEqual({ via: 'setup_token' });

    const again = await fresh.client().post('/api/v1/setup', {
      token,
      email: 'second@example.test',
      name: 'Second',
      password: ADMIN_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('identity.setup_done');
    expect(await bootstrapFirstAdmin(fresh.deps)).toBeNull();
  });
});
