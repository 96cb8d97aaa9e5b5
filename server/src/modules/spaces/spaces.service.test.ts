import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, hostOrganization } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/harness';
import { systemContext } from '../../core/context';
import { nextFreeSlug, slugify } from './spaces.models';
import { createSpace, createSpaceForOwnerEmail } from './spaces.service';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('slugs', () => {
  it('fold accents, collapse punctuation, and fall back to "space" for a name with no letters', () => {
    expect(slugify('  Équipe — Réunion 2025!  ')).toBe('equipe-reunion-2025');
    expect(slugify('日本')).toBe('space');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });

  it('take the first free numeric suffix', () => {
    expect(nextFreeSlug('board', [])).toBe('board');
    expect(nextFreeSlug('board', ['board', 'board-2', 'board-4'])).toBe('board-3');
  });
});

describe('spaces from the operator CLI', () => {
  it('the system creates a space owned by the host person with that e-mail address, audited as the system', async () => {
    const owner = await createPerson(server.deps.db, { organizationId: (await hostOrganization(server.deps.db)).id });
    const space = await createSpaceForOwnerEmail(systemContext(server.deps), {
      name: 'Board pack',
      kind: 'board',
      ownerEmail: owner.email.toUpperCase(),
    });
    expect(space).toMatchObject({
      name: 'Board pack',
      kind: 'board',
      slug: 'board-pack',
      memberCount: 1,
      myRole: null,
    });
    const member = await server.deps.db
      .selectFrom('space_members')
      .select(['user_id', 'role'])
      .where('space_id', '=', space.id)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ user_id: owner.id, role: 'owner' });
    const event = await server.deps.db
      .selectFrom('audit_events')
      .select('actor_label')
      .where('action', '=', 'space.created')
      .where('target_id', '=', space.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_label).toBe('system (cli)');
  });

  it('the system must name an owner, and an unknown owner address is a 404', async () => {
    await expect(createSpace(systemContext(server.deps), { name: 'Orphan', kind: 'project' })).rejects.toMatchObject({
      status: 400,
      code: 'spaces.invalid_member',
    });
    const unknown = createSpaceForOwnerEmail(systemContext(server.deps), {
      name: 'Nobody',
      kind: 'project',
      ownerEmail: 'nobody@example.test',
    });
    await expect(unknown).rejects.toMatchObject({ status: 404 });
  });

  it('spaces created at the same moment with the same name all get distinct slugs', async () => {
    const owner = await createPerson(server.deps.db, { organizationId: (await hostOrganization(server.deps.db)).id });
    const ctx = systemContext(server.deps);
    const spaces = await Promise.all(
      [1, 2, 3].map(() => createSpace(ctx, { name: 'Same name', kind: 'project', ownerId: owner.id })),
    );
    expect(spaces.map((s) => s.slug).sort()).toEqual(['same-name', 'same-name-2', 'same-name-3']);
  });
});
