// The shares module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export { creatorMay, liveCreatorContext } from './creator.service';
export { revealToken } from './shares.models';
