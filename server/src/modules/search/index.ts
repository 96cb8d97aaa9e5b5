// The search module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export { queueIndexing } from './search.jobs';
