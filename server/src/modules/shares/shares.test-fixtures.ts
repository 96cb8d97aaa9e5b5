import type { sharesContract } from '@gatehouse/contracts';
import { createDocument, createFolder, createShareLink } from '../../../test/factories';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimSpace = async ({ spaceId }: FixtureVictim) => ({ id: spaceId });
const victimFolder = async ({ deps, spaceId }: FixtureVictim) => ({
  id: (await createFolder(deps.db, { spaceId })).id,
});
const victimDocument = async ({ deps, spaceId }: FixtureVictim) => ({
  id: (await createDocument(deps, { spaceId })).id,
});
const victimLink = async ({ deps, spaceId, personId }: FixtureVictim) => {
  const document = await createDocument(deps, { spaceId });
  const link = await createShareLink(deps.db, { spaceId, documentId: document.id, createdBy: personId });
  return { id: link.id };
};

/**
 * Route inventory fixtures: the victim's documents, folders and share links. The public `/share/:token` routes need
 * none: the token is the credential, and the inventory only walks routes behind a sign-in.
 */
export const sharesRouteFixtures: FixturesFor<(typeof sharesContract)['routes']> = {
  createDocumentShareLink: victimDocument,
  listDocumentShareLinks: victimDocument,
  createFolderShareLink: victimFolder,
  listFolderShareLinks: victimFolder,
  listSpaceShareLinks: victimSpace,
  revokeShareLink: victimLink,
  shareLinkAccessLog: victimLink,
};
