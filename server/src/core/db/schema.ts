import type {
  DocumentsTable,
  DocumentVersionsTable,
  FoldersTable,
  SpaceDocumentSettingsTable,
} from '../../modules/documents/documents.tables';
import type {
  LoginFailuresTable,
  OneTimeTokensTable,
  RecoveryCodesTable,
  UsersTable,
} from '../../modules/identity/identity.tables';
import type { OrganizationsTable } from '../../modules/organizations/organizations.tables';
import type { SpaceMembersTable, SpacesTable } from '../../modules/spaces/spaces.tables';
import type { AuditEventsTable } from '../audit/audit.tables';
import type { ApiTokensTable, SessionsTable } from '../auth/auth.tables';
import type { JobsTable } from '../jobs/jobs.tables';

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
  folders: FoldersTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  space_document_settings: SpaceDocumentSettingsTable;
};
