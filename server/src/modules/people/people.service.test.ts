import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, hostOrganization } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { systemContext } from '../../core/context';
import { createPersonWithPassword, disablePersonByEmail } from './people.service';
import { auditOf } from './people.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const strongPassword = 'purple elephants juggle 27 teacups';

describe('people from the operator CLI', () => {
  it('the system creates a host admin who can sign in at once, audited as the system', async () => {
    const host = await hostOrganization(server.deps.db);
    const person = await createPersonWithPassword(systemContext(server.deps), {
      email: 'Operator@Example.test',
      name: 'Olga Operator',
      organizationId: host.id,
      password: strongPassword,
      isAdmin: true,
    });
    expect(person).toMatchObject({ email: 'operator@example.test', status: 'active', isAdmin: true });
    const client = server.client();
    await client.signIn('operator@example.test', strongPassword);
    expect((await client.get('/api/v1/me')).body.isAdmin).toBe(true);
    const [event] = await auditOf(server.deps.db, 'person.created', person.id);
    expect(event.actor_label).toBe('system (cli)');
  });

  it('a weak password is refused with identity.weak_password and nobody is created', async () => {
    const org = await createOrganization(server.deps.db);
    const attempt = createPersonWithPassword(systemContext(server.deps), {
      email: 'weak@example.test',
      name: 'Weak',
      organizationId: org.id,
      password: 'short',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'identity.weak_password', status: 400 });
    const row = await server.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'weak@example.test')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('an admin outside the host organization is refused with 403', async () => {
    const org = await createOrganization(server.deps.db);
    const attempt = createPersonWithPassword(systemContext(server.deps), {
      email: 'partner-admin@example.test',
      name: 'Partner',
      organizationId: org.id,
      password: strongPassword,
      isAdmin: true,
    });
    await expect(attempt).rejects.toMatchObject({ status: 403 });
  });

  it('disabling by e-mail ends the session of that person; an unknown address is a 404', async () => {
    const org = await createOrganization(server.deps.db);
    const person = await createPersonWithPassword(systemContext(server.deps), {
      email: 'leaver@example.test',
      name: 'Leaver',
      organizationId: org.id,
      password: strongPassword,
    });
    const client = server.client();
    await client.signIn(person.email, strongPassword);
    const disabled = await disablePersonByEmail(systemContext(server.deps), 'LEAVER@example.test');
    expect(disabled.status).toBe('disabled');
    expect((await client.get('/api/v1/me')).status).toBe(401);
    await expect(disablePersonByEmail(systemContext(server.deps), 'nobody@example.test')).rejects.toMatchObject({
      status: 404,
    });
  });
});
