import type { AuditEventsTable } from './audit/audit.tables';
import type { ApiTokensTable, SessionsTable } from './auth/auth.tables';
import type { JobsTable } from './jobs/jobs.tables';
import { foundationMigrations } from './migrations/foundation';
import { defineModule } from './module';
import type { SearchDocumentsTable, SearchFtsTable } from './search/search.tables';
import type { BlobsTable } from './storage/storage.tables';

/**
 * The machinery every module shares, declared like a module so its tables and migrations join the same lists.
 * Migrations 0001–0010 predate the manifests and create tables of several modules at once; they stay here, in order.
 */
export const coreModule = defineModule<{
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  blobs: BlobsTable;
  search_documents: SearchDocumentsTable;
  /** SQLite only (FTS5 virtual table). */
  search_fts: SearchFtsTable;
}>({
  name: 'core',
  tables: {
    sessions: true,
    api_tokens: true,
    audit_events: true,
    jobs: true,
    blobs: true,
    search_documents: true,
    search_fts: true,
  },
  migrations: foundationMigrations,
});
