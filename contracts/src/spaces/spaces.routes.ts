import { z } from 'zod';
import { IdParams, Ok } from '../common';
import { defineRoute } from '../route-contract';
import {
  AddMemberBody,
  CreateSpaceBody,
  MemberParams,
  Space,
  SpaceCapabilityInfo,
  SpaceInviteBody,
  SpaceMember,
  UpdateMemberBody,
  UpdateSpaceBody,
} from './spaces.schemas';

export const spacesRoutes = {
  listSpaces: defineRoute({
    method: 'GET',
    path: '/api/v1/spaces',
    summary: 'Spaces the actor belongs to (all for host admins)',
    response: z.object({ spaces: z.array(Space), abilities: z.record(z.string(), z.boolean()) }),
  }),
  createSpace: defineRoute({
    method: 'POST',
    path: '/api/v1/spaces',
    summary: 'Create a space',
    body: CreateSpaceBody,
    response: z.object({ space: Space }),
    status: 201,
  }),
  getSpace: defineRoute({
    method: 'GET',
    path: '/api/v1/spaces/:id',
    summary: 'One space',
    params: IdParams,
    response: z.object({ space: Space }),
  }),
  updateSpace: defineRoute({
    method: 'PATCH',
    path: '/api/v1/spaces/:id',
    summary: 'Rename or describe a space, or turn its capabilities on and off',
    params: IdParams,
    body: UpdateSpaceBody,
    response: z.object({ space: Space }),
  }),
  archiveSpace: defineRoute({
    method: 'POST',
    path: '/api/v1/spaces/:id/archive',
    summary: 'Archive a space',
    params: IdParams,
    response: z.object({ space: Space }),
  }),
  listMembers: defineRoute({
    method: 'GET',
    path: '/api/v1/spaces/:id/members',
    summary: 'Members of a space',
    params: IdParams,
    response: z.object({ members: z.array(SpaceMember) }),
  }),
  addMember: defineRoute({
    method: 'POST',
    path: '/api/v1/spaces/:id/members',
    summary: 'Add a person or organization',
    params: IdParams,
    body: AddMemberBody,
    response: z.object({ member: SpaceMember }),
    status: 201,
  }),
  updateMember: defineRoute({
    method: 'PATCH',
    path: '/api/v1/spaces/:id/members/:memberId',
    summary: 'Change a role or expiry',
    params: MemberParams,
    body: UpdateMemberBody,
    response: z.object({ member: SpaceMember }),
  }),
  removeMember: defineRoute({
    method: 'DELETE',
    path: '/api/v1/spaces/:id/members/:memberId',
    summary: 'Remove a member',
    params: MemberParams,
    response: Ok,
  }),
  inviteToSpace: defineRoute({
    method: 'POST',
    path: '/api/v1/spaces/:id/invitations',
    summary: 'Invite an outsider straight into the space',
    params: IdParams,
    body: SpaceInviteBody,
    response: z.object({ member: SpaceMember }),
    status: 201,
  }),
  listSpaceCapabilities: defineRoute({
    method: 'GET',
    path: '/api/v1/space-capabilities',
    summary: 'The capabilities a space may turn on, with the kinds of space created with each on',
    response: z.object({ capabilities: z.array(SpaceCapabilityInfo) }),
  }),
} as const;
