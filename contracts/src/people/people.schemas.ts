import { z } from 'zod';
import { Email, Id, IsoDateTime, PersonName } from '../common';
import { PersonStatus } from '../identity/identity.schemas';
import { OrganizationKind } from '../organizations/organizations.schemas';

export const Person = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  status: PersonStatus,
  isAdmin: z.boolean(),
  isOrgAdmin: z.boolean(),
  organization: z.object({ id: Id, name: z.string(), kind: OrganizationKind }),
  sponsor: z.object({ id: Id, name: z.string() }).nullable(),
  accessExpiresAt: IsoDateTime.nullable(),
  twoFactorEnabled: z.boolean(),
  lastSignInAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  abilities: z.record(z.string(), z.boolean()),
});
export type Person = z.infer<typeof Person>;

export const InvitePersonBody = z
  .object({
    email: Email,
    name: PersonName,
    organizationId: z.uuid(),
    sponsorId: z.uuid().nullable().optional(),
    accessExpiresAt: IsoDateTime.nullable().optional(),
    isOrgAdmin: z.boolean().optional(),
    isAdmin: z.boolean().optional(),
  })
  .strict();

export const UpdatePersonBody = z
  .object({
    name: PersonName.optional(),
    sponsorId: z.uuid().nullable().optional(),
    accessExpiresAt: IsoDateTime.nullable().optional(),
    isOrgAdmin: z.boolean().optional(),
    isAdmin: z.boolean().optional(),
  })
  .strict();

export const ListPeopleQuery = z
  .object({
    organizationId: Id.optional(),
    status: PersonStatus.optional(),
    q: z.string().max(120).optional(),
  })
  .strict();
