import { z } from 'zod';
import { defineRoute } from '../route-contract';
import { SearchQuery, SearchResult } from './search.schemas';

export const searchRoutes = {
  search: defineRoute({
    method: 'GET',
    path: '/api/v1/search',
    summary: 'Full-text search of the documents the actor may read',
    query: SearchQuery,
    response: z.object({ results: z.array(SearchResult) }),
  }),
} as const;
