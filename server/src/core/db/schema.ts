import type {
  DocumentsTable,
  DocumentThumbnailsTable,
  DocumentVersionsTable,
  FoldersTable,
  ListingStampsTable,
  SpaceBlobsTable,
  SpaceDocumentSettingsTable,
  SpaceUsageTable,
} from '../../modules/documents/documents.tables';
import type {
  LoginFailuresTable,
  OneTimeTokensTable,
  RecoveryCodesTable,
  UsersTable,
} from '../../modules/identity/identity.tables';
import type { OrganizationsTable } from '../../modules/organizations/organizations.tables';
import type {
  DocumentRequestFilesTable,
  DocumentRequestItemsTable,
  DocumentRequestsTable,
} from '../../modules/requests/requests.tables';
import type {
  FolderFollowsTable,
  NotificationsTable,
  ShareAccessesTable,
  ShareEmailCodesTable,
  ShareGrantsTable,
  ShareLinksTable,
} from '../../modules/shares/shares.tables';
import type { SpaceMembersTable, SpacesTable } from '../../modules/spaces/spaces.tables';
import type { WebdavLocksTable, WebdavPropertiesTable } from '../../modules/webdav/webdav.tables';
import type { AuditEventsTable } from '../audit/audit.tables';
import type { ApiTokensTable, SessionsTable } from '../auth/auth.tables';
import type { JobsTable } from '../jobs/jobs.tables';
import type { SearchDocumentsTable, SearchFtsTable } from '../search/search.tables';
import type { BlobsTable } from '../storage/storage.tables';

/** The whole database as Kysely sees it, composed from each module's tables file. */
export type Database = {
  organizations: OrganizationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  one_time_tokens: OneTimeTokensTable;
  login_failures: LoginFailuresTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  blobs: BlobsTable;
  folders: FoldersTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_thumbnails: DocumentThumbnailsTable;
  space_document_settings: SpaceDocumentSettingsTable;
  space_blobs: SpaceBlobsTable;
  space_usage: SpaceUsageTable;
  listing_stamps: ListingStampsTable;
  search_documents: SearchDocumentsTable;
  /** SQLite only (FTS5 virtual table). */
  search_fts: SearchFtsTable;
  share_links: ShareLinksTable;
  share_grants: ShareGrantsTable;
  share_email_codes: ShareEmailCodesTable;
  share_accesses: ShareAccessesTable;
  document_requests: DocumentRequestsTable;
  document_request_items: DocumentRequestItemsTable;
  document_request_files: DocumentRequestFilesTable;
  folder_follows: FolderFollowsTable;
  notifications: NotificationsTable;
  webdav_properties: WebdavPropertiesTable;
  webdav_locks: WebdavLocksTable;
};
