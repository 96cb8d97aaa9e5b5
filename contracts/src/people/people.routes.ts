import { z } from 'zod';
import { IdParams, Ok } from '../common';
import { defineRoute } from '../route-contract';
import { InvitePersonBody, ListPeopleQuery, Person, UpdatePersonBody } from './people.schemas';

export const peopleRoutes = {
  listPeople: defineRoute({
    method: 'GET',
    path: '/api/v1/people',
    summary: 'People the actor may see',
    query: ListPeopleQuery,
    response: z.object({ people: z.array(Person), abilities: z.record(z.string(), z.boolean()) }),
  }),
  invitePerson: defineRoute({
    method: 'POST',
    path: '/api/v1/people',
    summary: 'Invite a person by e-mail',
    body: InvitePersonBody,
    response: z.object({ person: Person }),
    status: 201,
  }),
  getPerson: defineRoute({
    method: 'GET',
    path: '/api/v1/people/:id',
    summary: 'One person',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  updatePerson: defineRoute({
    method: 'PATCH',
    path: '/api/v1/people/:id',
    summary: 'Update a person',
    params: IdParams,
    body: UpdatePersonBody,
    response: z.object({ person: Person }),
  }),
  disablePerson: defineRoute({
    method: 'POST',
    path: '/api/v1/people/:id/disable',
    summary: 'Disable a person (ends every session and token)',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  enablePerson: defineRoute({
    method: 'POST',
    path: '/api/v1/people/:id/enable',
    summary: 'Enable a person again',
    params: IdParams,
    response: z.object({ person: Person }),
  }),
  resendInvitation: defineRoute({
    method: 'POST',
    path: '/api/v1/people/:id/resend-invitation',
    summary: 'Send a fresh invitation link',
    params: IdParams,
    response: Ok,
  }),
} as const;
