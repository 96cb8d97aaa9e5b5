import { z } from 'zod';
import { IdParams, TokenParams } from '../common';
import { defineRoute } from '../route-contract';
import {
  CreateDocumentRequestBody,
  DocumentRequest,
  PublicDocumentRequest,
  RequestItemParams,
  ReviewRequestItemBody,
} from './requests.schemas';

export const requestsRoutes = {
  // document requests (upload-only collection of files from an outsider)
  createDocumentRequest: defineRoute({
    method: 'POST',
    path: '/api/v1/spaces/:id/requests',
    summary: 'Ask an outsider for a list of documents (managers)',
    params: IdParams,
    body: CreateDocumentRequestBody,
    response: z.object({ request: DocumentRequest }),
    status: 201,
  }),
  listDocumentRequests: defineRoute({
    method: 'GET',
    path: '/api/v1/spaces/:id/requests',
    summary: 'Document requests of a space (managers)',
    params: IdParams,
    response: z.object({ requests: z.array(DocumentRequest) }),
  }),
  getDocumentRequest: defineRoute({
    method: 'GET',
    path: '/api/v1/requests/:id',
    summary: 'One document request',
    params: IdParams,
    response: z.object({ request: DocumentRequest }),
  }),
  cancelDocumentRequest: defineRoute({
    method: 'POST',
    path: '/api/v1/requests/:id/cancel',
    summary: 'Cancel a document request',
    params: IdParams,
    response: z.object({ request: DocumentRequest }),
  }),
  reviewRequestItem: defineRoute({
    method: 'POST',
    path: '/api/v1/request-items/:id/review',
    summary: 'Approve or reject (with a comment) what was received for an item',
    params: IdParams,
    body: ReviewRequestItemBody,
    response: z.object({ request: DocumentRequest }),
  }),
  getPublicRequest: defineRoute({
    method: 'GET',
    path: '/api/v1/requests-public/:token',
    summary: 'The items a document request asks for (recipient side)',
    public: true,
    params: TokenParams,
    response: PublicDocumentRequest,
  }),
  uploadRequestFile: defineRoute({
    method: 'POST',
    path: '/api/v1/requests-public/:token/items/:id/files',
    summary: 'Upload a file for one item of a document request (multipart `file` part)',
    public: true,
    params: RequestItemParams,
    response: PublicDocumentRequest,
    status: 201,
  }),
} as const;
