import { folderWithCast, type MatrixCase, row } from './cast';

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
