// The organizations module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export {
  authorizeOrganization,
  createOrganization,
  ensureHostOrganization,
  findOrganizationByNameOrId,
} from './organizations.service';
