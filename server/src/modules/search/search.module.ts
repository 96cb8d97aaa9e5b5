import { defineModule } from '../../core/module';
import { INDEX_JOB, indexDocumentJob } from './search.jobs';
import { registerSearchRoutes } from './search.routes';

/** Full-text search across every space a person can see; the index lives in core/search. */
export const searchModule = defineModule({
  name: 'search',
  tables: {},
  routes: registerSearchRoutes,
  jobs: { [INDEX_JOB]: indexDocumentJob },
});
