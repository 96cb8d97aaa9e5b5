import type { documentsContract } from '@gatehouse/contracts';
import { createDocument, createFolder } from '../../../test/factories';
import type { FixturesFor, FixtureVictim } from '../../core/route-fixtures';

const victimSpace = async ({ spaceId }: FixtureVictim) => ({ id: spaceId });
const victimFolder = async ({ deps, spaceId }: FixtureVictim) => ({
  id: (await createFolder(deps.db, { spaceId })).id,
});
const victimDocument = async ({ deps, spaceId }: FixtureVictim) => ({
  id: (await createDocument(deps, { spaceId })).id,
});

/** A resumable upload only exists in the tus store once its creator asked for it over HTTP. */
const victimUpload = async ({ spaceId, request }: FixtureVictim) => {
  const response = await request('POST', `/api/v1/spaces/${spaceId}/uploads`, {
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': '10',
      'upload-metadata': `filename ${Buffer.from('victim.bin').toString('base64')}`,
    },
  });
  const uploadId = response.headers.get('location')?.split('/').pop();
  if (response.status !== 201 || !uploadId) throw new Error(`The victim's upload was refused: ${response.status}`);
  return { uploadId };
};

/** Route inventory fixtures: the victim's space, a folder, a document (with its version) and an upload in it. */
export const documentsRouteFixtures: FixturesFor<(typeof documentsContract)['routes']> = {
  listFiles: victimSpace,
  createFolder: victimSpace,
  uploadDocument: victimSpace,
  getDocumentSettings: victimSpace,
  updateDocumentSettings: victimSpace,
  createResumableUpload: victimSpace,
  updateFolder: victimFolder,
  trashFolder: victimFolder,
  restoreFolder: victimFolder,
  downloadFolder: victimFolder,
  getDocument: victimDocument,
  updateDocument: victimDocument,
  copyDocument: victimDocument,
  trashDocument: victimDocument,
  restoreDocument: victimDocument,
  downloadDocument: victimDocument,
  documentThumbnail: victimDocument,
  listVersions: victimDocument,
  uploadVersion: victimDocument,
  restoreVersion: async ({ deps, spaceId }) => {
    const document = await createDocument(deps, { spaceId });
    return { id: document.id, versionId: document.versionId };
  },
  lockDocument: victimDocument,
  unlockDocument: victimDocument,
  documentAccessLog: victimDocument,
  resumableUploadOffset: victimUpload,
  appendResumableUpload: victimUpload,
  terminateResumableUpload: victimUpload,
};
