import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness';
import { systemContext } from '../../core/context';
import { createOrganization, ensureHostOrganization, findOrganizationByNameOrId } from './organizations.service';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { HOST_ORGANIZATION_NAME: 'Example Holdings' } });
});
afterAll(async () => {
  await server?.close();
});

const hostRows = () => server.deps.db.selectFrom('organizations').selectAll().where('is_host', '=', 1).execute();

describe('the host organization', () => {
  it('exists after start, named from HOST_ORGANIZATION_NAME, and starting again changes nothing', async () => {
    const [host] = await hostRows();
    expect(host).toMatchObject({ name: 'Example Holdings', kind: 'host', status: 'active' });
    expect(await ensureHostOrganization(server.deps)).toEqual({ id: host.id, name: host.name });
    expect(await hostRows()).toHaveLength(1);
  });

  it('two instances creating it at the same moment end up with exactly one host organization', async () => {
    const db = server.deps.db;
    // Starting from an empty database again: nobody belongs to the host organization yet in this server.
    await db.deleteFrom('organizations').where('is_host', '=', 1).execute();
    const [first, second] = await Promise.all([
      ensureHostOrganization(server.deps),
      ensureHostOrganization(server.deps),
    ]);
    expect(first.id).toBe(second.id);
    const rows = await hostRows();
    expect(rows.map((row) => row.id)).toEqual([first.id]);
    const events = await db
      .selectFrom('audit_events')
      .select(['actor_label', 'details'])
      .where('action', '=', 'organization.created')
      .where('target_id', '=', first.id)
      .execute();
    expect(events).toEqual([{ actor_label: 'system (start)', details: JSON.stringify({ kind: 'host' }) }]);
  });
});

describe('organizations from the operator CLI', () => {
  it('the system creates an organization and finds it by id, by name in any case, and the host by default', async () => {
    const ctx = systemContext(server.deps);
    const created = await createOrganization(ctx, { name: 'Northwind Traders', kind: 'supplier' });
    expect(created).toMatchObject({ name: 'Northwind Traders', kind: 'supplier', isHost: false });
    expect((await findOrganizationByNameOrId(ctx, created.id)).id).toBe(created.id);
    expect((await findOrganizationByNameOrId(ctx, 'NORTHWIND traders')).id).toBe(created.id);
    expect((await findOrganizationByNameOrId(ctx, null)).isHost).toBe(true);
  });

  it('an unknown organization name is a 404 that names it', async () => {
    await expect(findOrganizationByNameOrId(systemContext(server.deps), 'Unknown Ltd')).rejects.toMatchObject({
      status: 404,
      detail: 'No organization named Unknown Ltd.',
    });
  });
});
