import { defineModule, type MigrationStep } from '../../core/module';
import type { SearchEntriesFtsTable, SearchEntriesTable } from '../../core/search/search-entries.tables';
import * as searchSources from './migrations/0013-search-sources';
import { INDEX_JOB, indexDocumentJob } from './search.jobs';
import { registerSearchRoutes } from './search.routes';
import { searchSubscribers } from './search.subscribers';

/**
 * Full-text search across every space a person can see. The engine lives in core/search; this module owns the
 * generic index of the sources other modules declare (their manifests' `searchSources`) and the search API.
 */
export const searchModule = defineModule<{
  search_entries: SearchEntriesTable;
  /** SQLite only (FTS5 virtual table). */
  search_entries_fts: SearchEntriesFtsTable;
}>({
  name: 'search',
  tables: { search_entries: true, search_entries_fts: true },
  migrations: { '0013-search-sources': searchSources as MigrationStep },
  routes: registerSearchRoutes,
  jobs: { [INDEX_JOB]: indexDocumentJob },
  events: { subscribers: searchSubscribers },
});
