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
// Reads without a person's access check, for modules that decide access themselves (share links, notifications):
// named unsafe… outside this module so every call site shows that the caller owns the check.
export {
  getDocumentById as unsafeGetDocumentById,
  listFolderDocuments as unsafeListFolderDocuments,
  listLiveDocumentsIn as unsafeListLiveDocumentsIn,
} from './documents.queries';
export { copyDocument, getDocument, trashDocument, updateDocument } from './documents.service';
export {
  CONTENT_SECURITY_POLICY,
  headBody,
  openVersion,
  recordConsultation,
  sendDocumentContent,
} from './downloads/downloads';
export { livePaths, sendZip } from './downloads/zip';
export { folderListingStamp, listFolderContents, listFolderItems } from './folders/files.service';
export type { FolderRow } from './folders/folders.queries';
export {
  folderAncestry as unsafeFolderAncestry,
  getFolderById as unsafeGetFolderById,
  listChildFolders as unsafeListChildFolders,
} from './folders/folders.queries';
export { createFolder, trashFolder, updateFolder } from './folders/folders.service';
export { lockDocument, unlockDocument } from './locks/locks.service';
export { addReceivedDocument, storeFile, uploadDocument } from './uploads/uploads.service';
export { listVersions } from './versions/versions.service';
