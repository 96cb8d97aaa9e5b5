// The spaces module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export { createSpaceForOwnerEmail, getSpace, listSpacesWith } from './spaces.service';
