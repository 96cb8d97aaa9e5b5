// The people module's public surface: other modules import only this file (server/test/boundaries.test.ts).
export { createInvitedPerson } from './people.invitations.service';
export {
  authorizePerson,
  createPersonWithPassword,
  disablePersonByEmail,
  unsafeLookupPersonByEmail,
  unsafeLookupPersonById,
} from './people.service';
