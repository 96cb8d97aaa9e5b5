import { createDocumentRequest } from '../factories';
import { sampleBody } from '../samples';
import { bystander, type MatrixCase, row, spaceWithCast, type World } from './cast';

/** A document request of the attempt's space, sent by someone who is none of the actors, with one item received. */
async function someoneElsesRequest(w: World) {
  const space = await spaceWithCast(w);
  const sender = await bystander(w, space.id);
  return createDocumentRequest(w.server.deps.db, { spaceId: space.id, createdBy: sender.id });
}

/** Document requests are run by the managers of the space: nobody else even sees one. */
const requestManagers = row({
  otherPartner: 404,
  sameOrgNoMembership: 404,
  partnerAdmin: 404,
  viewer: 404,
  contributor: 404,
  manager: 200,
  owner: 200,
  hostAdmin: 200,
});

export const requestsMatrix: MatrixCase[] = [
  {
    action: 'request.create',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const body = sampleBody('createDocumentRequest', {
        organizationId: w.partnerOrgId,
        personId: w.people.viewer.id,
      });
      return (await c.post(`/api/v1/spaces/${space.id}/requests`, body)).status;
    },
  },
  {
    action: 'request.read',
    expected: requestManagers,
    attempt: async (c, _, w) => (await c.get(`/api/v1/requests/${(await someoneElsesRequest(w)).id}`)).status,
  },
  {
    action: 'request.review',
    variant: 'approving a received item',
    expected: requestManagers,
    attempt: async (c, _, w) => {
      const request = await someoneElsesRequest(w);
      return (await c.post(`/api/v1/request-items/${request.itemId}/review`, { decision: 'approve' })).status;
    },
  },
  {
    action: 'request.cancel',
    expected: requestManagers,
    attempt: async (c, _, w) => (await c.post(`/api/v1/requests/${(await someoneElsesRequest(w)).id}/cancel`)).status,
  },
  {
    action: 'link.upload',
    variant: 'a file for a pending item, sent on the upload page of a live request link',
    expected: {
      anonymous: 201,
      disabled: 201,
      expired: 201,
      otherPartner: 201,
      sameOrgNoMembership: 201,
      partnerAdmin: 201,
      viewer: 201,
      contributor: 201,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    },
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const sender = await bystander(w, space.id);
      await w.server.deps.db
        .updateTable('space_members')
        .set({ role: 'manager' })
        .where('space_id', '=', space.id)
        .where('user_id', '=', sender.id)
        .execute();
      const request = await createDocumentRequest(w.server.deps.db, {
        spaceId: space.id,
        createdBy: sender.id,
        itemStatus: 'pending',
      });
      const path = `/api/v1/requests-public/${request.token}/items/${request.itemId}/files`;
      return (await c.upload(path, {}, 'kbis.txt', new TextEncoder().encode('kbis'))).status;
    },
  },
];
