import { z } from 'zod';
import { Id, IsoDateTime } from '../common';

export const OrganizationKind = z.enum(['host', 'customer', 'supplier', 'partner', 'contractor', 'board', 'other']);
export const PartnerKind = OrganizationKind.exclude(['host']);

export const Organization = z.object({
  id: Id,
  name: z.string(),
  kind: OrganizationKind,
  isHost: z.boolean(),
  status: z.enum(['active', 'disabled']),
  peopleCount: z.number().int(),
  createdAt: IsoDateTime,
  abilities: z.record(z.string(), z.boolean()),
});
export type Organization = z.infer<typeof Organization>;

export const CreateOrganizationBody = z.object({ name: z.string().trim().min(1).max(120), kind: PartnerKind }).strict();
export const UpdateOrganizationBody = z
  .object({ name: z.string().trim().min(1).max(120).optional(), kind: PartnerKind.optional() })
  .strict();
export const ListOrganizationsQuery = z
  .object({ q: z.string().max(120).optional(), kind: OrganizationKind.optional() })
  .strict();
