import { expect } from 'vitest';
import { DEFAULT_PASSWORD } from '../../../test/factories';
import type { TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import type { Db } from '../../core/db/database';

/** A browser-like client signed in as the person (factories give everyone DEFAULT_PASSWORD). */
export async function signedIn(server: TestServer, person: { email: string }): Promise<HttpClient> {
  const client = server.client();
  await client.signIn(person.email, DEFAULT_PASSWORD);
  return client;
}

/** A client that authenticates with a fresh API token of the signed-in person, as a script would. */
export async function apiTokenClient(server: TestServer, signedInClient: HttpClient): Promise<HttpClient> {
  const created = await signedInClient.post('/api/v1/me/tokens', { name: 'script' });
  expect(created.status).toBe(201);
  const client = server.client();
  client.bearer = created.body.secret;
  expect((await client.get('/api/v1/me')).status).toBe(200);
  return client;
}

/** Audit events of one action about one target, oldest first. */
export function auditOf(db: Db, action: string, targetId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .orderBy('seq', 'asc')
    .execute();
}
