import { newId } from '../../src/core/ids';
import { createPerson } from '../factories';
import { folderWithCast, type MatrixCase, row, type World } from './cast';

/** Every member who reads a folder may follow it (host admins read every folder). */
export const notificationsMatrix: MatrixCase[] = [
  {
    action: 'folder.follow',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) =>
      (await c.request('PUT', `/api/v1/folders/${(await folderWithCast(w)).id}/follow`)).status,
  },
];

async function noticeFor(w: World, userId: string) {
  const id = newId();
  await w.server.deps.db
    .insertInto('notifications')
    .values({
      id,
      user_id: userId,
      kind: 'folder.new_file',
      title: 'New file',
      body: '',
      link: '/',
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  return id;
}

/** A notice is its addressee's own row: nobody else sees it or marks it read, host admins included. */
export const noticesMatrix: MatrixCase[] = [
  {
    action: 'notification.read',
    variant: "marking someone else's notice read",
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 404,
      contributor: 404,
      manager: 404,
      owner: 404,
      hostAdmin: 404,
    }),
    attempt: async (c, _, w) => {
      const other = await createPerson(w.server.deps.db, { organizationId: w.partnerOrgId });
      return (await c.post(`/api/v1/notifications/${await noticeFor(w, other.id)}/read`)).status;
    },
  },
  {
    action: 'notification.update',
    variant: 'marking their own notice read',
    expected: row({
      otherPartner: 200,
      sameOrgNoMembership: 200,
      partnerAdmin: 200,
      viewer: 200,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, actor, w) => {
      const id = actor === 'anonymous' ? newId() : await noticeFor(w, w.people[actor].id);
      return (await c.post(`/api/v1/notifications/${id}/read`)).status;
    },
  },
];
