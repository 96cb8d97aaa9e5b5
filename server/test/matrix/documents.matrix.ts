import {
  bystander,
  documentWithCast,
  folderWithCast,
  type MatrixCase,
  nextName,
  pictureWithCast,
  row,
  spaceWithCast,
  type World,
} from './cast';

/** Every member reads; contributors and up write; managers and owners break locks, read access logs, set retention. */
const readers = row({
  otherPartner: 404,
  sameOrgNoMembership: 404,
  partnerAdmin: 404,
  viewer: 200,
  contributor: 200,
  manager: 200,
  owner: 200,
  hostAdmin: 200,
});
const writers = (status: number) =>
  row({
    otherPartner: 404,
    sameOrgNoMembership: 404,
    partnerAdmin: 404,
    viewer: 403,
    contributor: status,
    manager: status,
    owner: status,
    hostAdmin: status,
  });
const managers = row({
  otherPartner: 404,
  sameOrgNoMembership: 404,
  partnerAdmin: 404,
  viewer: 403,
  contributor: 403,
  manager: 200,
  owner: 200,
  hostAdmin: 200,
});

/** A document checked out by a contributor who is not one of the actors. */
async function documentLockedByAnother(w: World) {
  const document = await documentWithCast(w);
  const holder = await bystander(w, document.spaceId);
  await w.server.deps.db
    .updateTable('documents')
    .set({ lock_user_id: holder.id, lock_expires_at: new Date(Date.now() + 3_600_000).toISOString() })
    .where('id', '=', document.id)
    .execute();
  return document;
}

export const documentsMatrix: MatrixCase[] = [
  {
    action: 'document.read',
    expected: readers,
    attempt: async (c, _, w) =>
      (await c.getBytes(`/api/v1/documents/${(await documentWithCast(w)).id}/content`)).status,
  },
  {
    action: 'document.read',
    variant: 'the thumbnail, shown to exactly those who may preview the document',
    expected: readers,
    attempt: async (c, _, w) =>
      (await c.getBytes(`/api/v1/documents/${(await pictureWithCast(w)).id}/thumbnail`)).status,
  },
  {
    action: 'document.upload',
    expected: writers(201),
    attempt: async (c, _, w) => {
      const space = await spaceWithCast(w);
      const bytes = new TextEncoder().encode('matrix upload');
      return (await c.upload(`/api/v1/spaces/${space.id}/documents`, {}, `${nextName()}.txt`, bytes)).status;
    },
  },
  {
    action: 'document.update',
    expected: writers(200),
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/documents/${(await documentWithCast(w)).id}`, { description: 'changed' })).status,
  },
  {
    action: 'document.delete',
    expected: writers(200),
    attempt: async (c, _, w) => (await c.post(`/api/v1/documents/${(await documentWithCast(w)).id}/trash`)).status,
  },
  {
    action: 'document.lock',
    expected: writers(200),
    attempt: async (c, _, w) =>
      (await c.post(`/api/v1/documents/${(await documentWithCast(w)).id}/lock`, { minutes: 5 })).status,
  },
  {
    action: 'document.break_lock',
    expected: managers,
    attempt: async (c, _, w) =>
      (await c.delete(`/api/v1/documents/${(await documentLockedByAnother(w)).id}/lock`)).status,
  },
  {
    action: 'document.read_access_log',
    expected: managers,
    attempt: async (c, _, w) => (await c.get(`/api/v1/documents/${(await documentWithCast(w)).id}/access-log`)).status,
  },
  {
    action: 'document.manage_settings',
    expected: managers,
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/spaces/${(await spaceWithCast(w)).id}/document-settings`, { keepVersions: 5 })).status,
  },
  {
    action: 'folder.read',
    expected: readers,
    attempt: async (c, _, w) => {
      const folder = await folderWithCast(w);
      return (await c.get(`/api/v1/spaces/${folder.spaceId}/files?folderId=${folder.id}`)).status;
    },
  },
  {
    action: 'folder.create',
    expected: writers(201),
    attempt: async (c, _, w) =>
      (await c.post(`/api/v1/spaces/${(await spaceWithCast(w)).id}/folders`, { name: nextName() })).status,
  },
  {
    action: 'folder.update',
    expected: writers(200),
    attempt: async (c, _, w) =>
      (await c.patch(`/api/v1/folders/${(await folderWithCast(w)).id}`, { name: nextName() })).status,
  },
  {
    action: 'folder.delete',
    variant: 'moving a folder to the trash',
    expected: writers(200),
    attempt: async (c, _, w) => (await c.post(`/api/v1/folders/${(await folderWithCast(w)).id}/trash`)).status,
  },
];
