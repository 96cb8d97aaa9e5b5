import { createShareLink } from '../factories';
import { bystander, documentWithCast, type MatrixCase, row, spaceWithCast, type World } from './cast';

/** A share link of a document, made by a contributor who is none of the actors. */
async function someoneElsesLink(w: World, password?: string) {
  const document = await documentWithCast(w);
  const creator = await bystander(w, document.spaceId);
  return createShareLink(w.server.deps.db, {
    spaceId: document.spaceId,
    documentId: document.id,
    createdBy: creator.id,
    password,
  });
}

/**
 * A link is its token: whoever holds it is a link visitor, whether signed in or not, and a revoked account's stale
 * cookie neither helps nor hinders.
 */
const holders = (status: number) => ({
  anonymous: status,
  disabled: status,
  expired: status,
  otherPartner: status,
  sameOrgNoMembership: status,
  partnerAdmin: status,
  viewer: status,
  contributor: status,
  manager: status,
  owner: status,
  hostAdmin: status,
});

/** Managers of the space (and host admins) see and revoke every link; others do not even see someone else's link. */
const linkManagers = row({
  otherPartner: 404,
  sameOrgNoMembership: 404,
  partnerAdmin: 404,
  viewer: 404,
  contributor: 404,
  manager: 200,
  owner: 200,
  hostAdmin: 200,
});

/** Contributors and up hand files to outsiders; viewers only read. */
export const sharesMatrix: MatrixCase[] = [
  {
    action: 'share.create',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 201,
      manager: 201,
      owner: 201,
      hostAdmin: 201,
    }),
    attempt: async (c, _, w) => {
      const document = await documentWithCast(w);
      return (await c.post(`/api/v1/documents/${document.id}/share-links`, { expiresInDays: 3 })).status;
    },
  },
  {
    action: 'share.manage',
    variant: 'the list of every link of the space',
    expected: row({
      otherPartner: 404,
      sameOrgNoMembership: 404,
      partnerAdmin: 404,
      viewer: 403,
      contributor: 403,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    }),
    attempt: async (c, _, w) => (await c.get(`/api/v1/spaces/${(await spaceWithCast(w)).id}/share-links`)).status,
  },
  {
    action: 'share.read',
    variant: "the access log of someone else's link",
    expected: linkManagers,
    attempt: async (c, _, w) =>
      (await c.get(`/api/v1/share-links/${(await someoneElsesLink(w)).id}/access-log`)).status,
  },
  {
    action: 'share.revoke',
    variant: "someone else's link",
    expected: linkManagers,
    attempt: async (c, _, w) => (await c.post(`/api/v1/share-links/${(await someoneElsesLink(w)).id}/revoke`)).status,
  },
  {
    action: 'share.serve',
    variant:
      'a link the actor made, opened by a visitor: it lives only while its creator could still share the file (410 once dead)',
    expected: {
      anonymous: 'n/a',
      disabled: 410,
      expired: 410,
      otherPartner: 410,
      sameOrgNoMembership: 410,
      partnerAdmin: 410,
      viewer: 410,
      contributor: 200,
      manager: 200,
      owner: 200,
      hostAdmin: 200,
    },
    attempt: async (_, actor, w) => {
      if (actor === 'anonymous') return 'n/a';
      const document = await documentWithCast(w);
      const link = await createShareLink(w.server.deps.db, {
        spaceId: document.spaceId,
        documentId: document.id,
        createdBy: w.people[actor].id,
      });
      return (await w.server.client().get(`/api/v1/share/${link.token}`)).status;
    },
  },
  {
    action: 'link.open',
    variant: "a live link of someone else's, opened with whatever session the holder has",
    expected: holders(200),
    attempt: async (c, _, w) => (await c.get(`/api/v1/share/${(await someoneElsesLink(w)).token}`)).status,
  },
  {
    action: 'link.unlock',
    variant: 'the right password of a protected link',
    expected: holders(200),
    attempt: async (c, _, w) => {
      const link = await someoneElsesLink(w, 'open sesame, please');
      return (await c.post(`/api/v1/share/${link.token}/password`, { password: 'open sesame, please' })).status;
    },
  },
  {
    action: 'link.download',
    variant: 'the file of a live link without protection',
    expected: holders(200),
    attempt: async (c, _, w) => (await c.getBytes(`/api/v1/share/${(await someoneElsesLink(w)).token}/content`)).status,
  },
];
