import type { AuditEventsTable } from './audit/audit.tables';
import type { ApiTokensTable, SessionsTable } from './auth/auth.tables';
import type { DomainEventsTable, EventDeliveriesTable } from './events/events.tables';
import type { JobsTable } from './jobs/jobs.tables';
import * as m0011 from './migrations/0011-events';
import { foundationMigrations } from './migrations/foundation';
import { defineModule, type MigrationStep } from './module';
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
  domain_events: DomainEventsTable;
  event_deliveries: EventDeliveriesTable;
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
    domain_events: true,
    event_deliveries: true,
    blobs: true,
    search_documents: true,
    search_fts: true,
  },
  migrations: { ...foundationMigrations, '0011-events': m0011 as MigrationStep },
});
