import { z } from 'zod';
import { Email, Id, IsoDateTime, PersonName } from '../common';

export const SpaceKind = z.enum(['client', 'supplier', 'project', 'board', 'network', 'collection', 'dataroom']);
export type SpaceKind = z.infer<typeof SpaceKind>;
export const SpaceRole = z.enum(['owner', 'manager', 'contributor', 'viewer']);
export type SpaceRole = z.infer<typeof SpaceRole>;

export const Space = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  kind: SpaceKind,
  description: z.string(),
  status: z.enum(['active', 'archived']),
  /** The actor's effective role (the strongest of their own and their organization's memberships). */
  myRole: SpaceRole.nullable(),
  memberCount: z.number().int(),
  createdAt: IsoDateTime,
  /** The capabilities turned on in this space (`documents`…); what belongs to one turned off does not exist. */
  capabilities: z.array(z.string()),
  abilities: z.record(z.string(), z.boolean()),
});
export type Space = z.infer<typeof Space>;

/**
 * Ids of space capabilities (the server lists those it has: GET /api/v1/space-capabilities). An unknown id is refused
 * by the server, which alone knows the modules it runs.
 */
const CapabilityIds = z.array(z.string().min(1).max(60)).max(50);

/** A capability a space may turn on, and the kinds of space created with it on. */
export const SpaceCapabilityInfo = z.object({ id: z.string(), defaultFor: z.array(SpaceKind) });
export type SpaceCapabilityInfo = z.infer<typeof SpaceCapabilityInfo>;

export const CreateSpaceBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: SpaceKind,
    description: z.string().max(2000).optional(),
    ownerId: z.uuid().optional(),
    /** Instead of the kind's defaults. */
    capabilities: CapabilityIds.optional(),
  })
  .strict();
export const UpdateSpaceBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
    /** The full list of capabilities to have on (managers and owners). */
    capabilities: CapabilityIds.optional(),
  })
  .strict();

export const SpaceMember = z.object({
  id: Id,
  role: SpaceRole,
  expiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  person: z.object({ id: Id, name: z.string(), email: z.string(), status: z.string() }).nullable(),
  organization: z.object({ id: Id, name: z.string(), kind: z.string() }),
});
export type SpaceMember = z.infer<typeof SpaceMember>;

export const AddMemberBody = z
  .object({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    role: SpaceRole,
    expiresAt: IsoDateTime.nullable().optional(),
  })
  .strict()
  .refine((b) => Boolean(b.personId) !== Boolean(b.organizationId), {
    message: 'Give exactly one of personId or organizationId',
  });
export const UpdateMemberBody = z
  .object({ role: SpaceRole.optional(), expiresAt: IsoDateTime.nullable().optional() })
  .strict();
export const MemberParams = z.object({ id: Id, memberId: Id }).strict();

/** A manager invites an outsider straight into the space: creates the person (if new) and the membership. */
export const SpaceInviteBody = z
  .object({ email: Email, name: PersonName, organizationId: z.uuid(), role: SpaceRole })
  .strict();
