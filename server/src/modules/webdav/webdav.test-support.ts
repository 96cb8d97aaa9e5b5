import type { SpaceRole } from '@gatehouse/contracts';
import { addMember, createPerson, createSpace } from '../../../test/factories';
import type { TestServer } from '../../../test/harness';
import { systemContext } from '../../core/context';
import { issueApiTokenForEmail } from '../identity';

/** A person with an API token (their WebDAV app password) and, when a role is given, a membership of `spaceId`. */
export async function davPerson(
  server: TestServer,
  input: { spaceId?: string; role?: SpaceRole; organizationId?: string } = {},
) {
  const person = await createPerson(server.deps.db, { organizationId: input.organizationId });
  if (input.spaceId && input.role)
    await addMember(server.deps.db, { spaceId: input.spaceId, userId: person.id, role: input.role });
  const token = await issueApiTokenForEmail(systemContext(server.deps), {
    email: person.email,
    name: 'webdav',
    expiresAt: null,
  });
  return { ...person, token };
}

/** A space with a contributor who has a token: enough for a WebDAV client to work in. */
export async function davSpace(server: TestServer, role: SpaceRole = 'contributor') {
  const space = await createSpace(server.deps.db, { kind: 'project' });
  const person = await davPerson(server, { spaceId: space.id, role });
  return { space, person, url: `${server.url}/dav/${space.slug}/` };
}

export function basicAuth(email: string, secret: string): string {
  return `Basic ${Buffer.from(`${email}:${secret}`).toString('base64')}`;
}

/** The id of the live document of a space with this name. */
export async function liveDocumentId(server: TestServer, spaceId: string, name: string): Promise<string> {
  const row = await server.deps.db
    .selectFrom('documents')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('name', '=', name)
    .where('trashed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}
