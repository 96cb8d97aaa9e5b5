// The documents module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export type { SpaceFacts } from './documents.access';
export { authorizeDocument, authorizeFolder, folderResource, spaceFacts } from './documents.access';
export { fileRequired, rangeNotSatisfiable } from './documents.errors';
export type { ByteRange } from './documents.models';
export {
  contentDisposition,
  etagMatches,
  mimeTypeFromName,
  nameKey,
  parseRange,
  servedContentType,
} from './documents.models';
export { getDocumentById, insertDocument, listFolderDocuments, listLiveDocumentsIn } from './documents.queries';
export { copyDocument, getDocument, trashDocument, updateDocument } from './documents.service';
export { CONTENT_SECURITY_POLICY, headBody, openVersion, recordConsultation, sendDocumentContent } from './downloads';
export { folderListingStamp, listFolderContents, listFolderItems } from './files.service';
export type { FolderRow } from './folders.queries';
export { folderAncestry, getFolderById, listChildFolders, nameInUse } from './folders.queries';
export { createFolder, trashFolder, updateFolder } from './folders.service';
export { lockDocument, unlockDocument } from './locks.service';
export { ensureQuota, storeFile, uploadDocument } from './uploads.service';
export { appendVersion, listVersions } from './versions.service';
export { livePaths, sendZip } from './zip';
