import { systemContext } from '../../src/core/context';
import { issueApiTokenForEmail } from '../../src/modules/identity/identity.tokens.service';
import { basicAuth } from '../../src/modules/webdav/webdav.test-support';
import { createDocument } from '../factories';
import { bystander, type MatrixCase, nextName, row, spaceWithCast, type World } from './cast';

const lockBody =
  '<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>them</D:owner></D:lockinfo>';
const discovery = '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:lockdiscovery/></D:prop></D:propfind>';

/** WebDAV answers to the app password (an API token) of the person, issued before any revocation. */
async function dav(
  w: World,
  who: string | null,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (who) headers.authorization = who;
  const response = await fetch(`${w.server.url}${path}`, { method, headers, body: init.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A document of a fresh space, locked over WebDAV by a contributor who is none of the actors. */
async function documentLockedOverDav(w: World) {
  const space = await spaceWithCast(w);
  const name = `${nextName()}.txt`;
  await createDocument(w.server.deps, { spaceId: space.id, name });
  const holder = await bystander(w, space.id);
  const token = await issueApiTokenForEmail(systemContext(w.server.deps), {
    email: holder.email,
    name: 'webdav',
    expiresAt: null,
  });
  const path = `/dav/${space.slug}/${name}`;
  const locked = await dav(w, basicAuth(holder.email, token), 'LOCK', path, {
    body: lockBody,
    headers: { timeout: 'Second-600' },
  });
  if (locked.status !== 200 && locked.status !== 201) throw new Error(`The bystander's LOCK failed: ${locked.status}`);
  return { path, lockToken: locked.headers.get('lock-token') ?? '' };
}

const credentials = (w: World, actor: string) => w.davCredentials[actor] ?? null;

/** A WebDAV lock is seen by whoever reaches its path, and used (refreshed, released) only by the person who took it. */
export const webdavMatrix: MatrixCase[] = [
  {
    action: 'dav_lock.read',
    variant: "lock discovery on someone else's lock: 207 with the lock in it",
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 207,
      contributor: 207,
      manager: 207,
      owner: 207,
      hostAdmin: 207,
    }),
    attempt: async (_, actor, w) => {
      const locked = await documentLockedOverDav(w);
      const found = await dav(w, credentials(w, actor), 'PROPFIND', locked.path, {
        body: discovery,
        headers: { depth: '0' },
      });
      if (found.status !== 207) return found.status;
      return found.text.includes(locked.lockToken.slice(1, -1)) ? 207 : 'hidden';
    },
  },
  {
    action: 'dav_lock.use',
    variant: "releasing someone else's lock with its token: only the holder may, host admins included",
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 403,
    }),
    attempt: async (_, actor, w) => {
      const locked = await documentLockedOverDav(w);
      return (
        await dav(w, credentials(w, actor), 'UNLOCK', locked.path, { headers: { 'lock-token': locked.lockToken } })
      ).status;
    },
  },
];
