import { routes } from '@gatehouse/contracts';
import { route } from '../../core/http/route';
import type { Module } from '../../modules';
import { INDEX_JOB, indexDocumentJob } from './search.jobs';
import { searchForActor } from './search.service';

/** GET /search — full-text search of documents; the index is fed by the `search.index_document` job. */
export const searchModule: Module = {
  name: 'search',
  register(app) {
    route(app, routes.search, async (request) => ({ results: await searchForActor(request.ctx, request.query) }));
  },
  jobs: { [INDEX_JOB]: indexDocumentJob },
};
