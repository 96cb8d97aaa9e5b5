import { createHash } from 'node:crypto';
import type { DocumentSummary, SpaceRole } from '@gatehouse/contracts';
import { expect } from 'vitest';
import { addMember, createPerson, createSpace } from '../../../test/factories';
import type { TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import { signedIn } from '../people/people.test-helpers';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const text = (value: string) => new TextEncoder().encode(value);

export type Cast = Record<SpaceRole, HttpClient> & {
  spaceId: string;
  ids: Record<SpaceRole, string>;
  outsider: HttpClient;
};

/** A fresh space with one signed-in person per role, and a signed-in person who is not a member. */
export async function spaceWithCast(server: TestServer): Promise<Cast> {
  const db = server.deps.db;
  const space = await createSpace(db);
  const cast = { spaceId: space.id, ids: {} } as Cast;
  for (const role of ['owner', 'manager', 'contributor', 'viewer'] as const) {
    const person = await createPerson(db, { name: `The ${role}` });
    await addMember(db, { spaceId: space.id, userId: person.id, role });
    cast.ids[role] = person.id;
    cast[role] = await signedIn(server, person);
  }
  cast.outsider = await signedIn(server, await createPerson(db));
  return cast;
}

/** Uploads through the API and expects success; returns the document summary. */
export async function uploaded(
  client: HttpClient,
  spaceId: string,
  name: string,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
) {
  const response = await client.upload(`/api/v1/spaces/${spaceId}/documents`, fields, name, bytes);
  expect(response.status, response.text).toBe(201);
  return response.body.document as DocumentSummary;
}

export async function folderCreated(client: HttpClient, spaceId: string, name: string, parentId?: string) {
  const response = await client.post(`/api/v1/spaces/${spaceId}/folders`, { name, ...(parentId ? { parentId } : {}) });
  expect(response.status, response.text).toBe(201);
  return response.body.folder as { id: string; name: string; parentId: string | null };
}

/** Audit events of one action about one target, oldest first, with details parsed. */
export async function auditEvents(server: TestServer, action: string, targetId: string) {
  const rows = await server.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .orderBy('seq', 'asc')
    .execute();
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
