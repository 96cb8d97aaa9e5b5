import { z } from 'zod';
import { IdParams } from '../common';
import { defineRoute } from '../route-contract';
import {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  Organization,
  UpdateOrganizationBody,
} from './organizations.schemas';

export const organizationsRoutes = {
  listOrganizations: defineRoute({
    method: 'GET',
    path: '/api/v1/organizations',
    summary: 'Organizations the actor may see',
    query: ListOrganizationsQuery,
    response: z.object({ organizations: z.array(Organization), abilities: z.record(z.string(), z.boolean()) }),
  }),
  createOrganization: defineRoute({
    method: 'POST',
    path: '/api/v1/organizations',
    summary: 'Create a partner organization',
    body: CreateOrganizationBody,
    response: z.object({ organization: Organization }),
    status: 201,
  }),
  getOrganization: defineRoute({
    method: 'GET',
    path: '/api/v1/organizations/:id',
    summary: 'One organization',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),
  updateOrganization: defineRoute({
    method: 'PATCH',
    path: '/api/v1/organizations/:id',
    summary: 'Rename or re-kind an organization',
    params: IdParams,
    body: UpdateOrganizationBody,
    response: z.object({ organization: Organization }),
  }),
  disableOrganization: defineRoute({
    method: 'POST',
    path: '/api/v1/organizations/:id/disable',
    summary: 'Disable an organization and everyone in it',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),
  enableOrganization: defineRoute({
    method: 'POST',
    path: '/api/v1/organizations/:id/enable',
    summary: 'Enable an organization again',
    params: IdParams,
    response: z.object({ organization: Organization }),
  }),
} as const;
