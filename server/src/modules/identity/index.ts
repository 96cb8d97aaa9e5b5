// The identity module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export { bootstrapFirstAdmin } from './identity.bootstrap';
export { createInvitation, revokeAllCredentials } from './identity.credentials';
export { ensureNotThrottled, recordFailure } from './identity.throttle';
export { issueApiTokenForEmail } from './identity.tokens.service';
