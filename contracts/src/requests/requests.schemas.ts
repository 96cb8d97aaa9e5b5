import { z } from 'zod';
import { Email, Id, IsoDateTime, PersonName } from '../common';

/** Document requests (« collectes de documents »): an outsider uploads the files a manager listed, nothing more. */
export const RequestItemStatus = z.enum(['pending', 'received', 'approved', 'rejected']);
export const DocumentRequestStatus = z.enum(['open', 'complete', 'cancelled']);

export const CreateDocumentRequestBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    message: z.string().trim().max(4000).optional(),
    recipientName: PersonName,
    recipientEmail: Email,
    /** Destination folder of the received files; null or absent: the root of the space. */
    folderId: Id.nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }),
    items: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    locale: z.enum(['en', 'fr']).optional(),
  })
  .strict();

export const RequestFile = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int(),
  uploadedAt: IsoDateTime,
  /** The document it became (managers only; null on the public side). */
  documentId: Id.nullable(),
});

export const RequestItem = z.object({
  id: Id,
  label: z.string(),
  status: RequestItemStatus,
  comment: z.string(),
  reviewedAt: IsoDateTime.nullable(),
  files: z.array(RequestFile),
});

export const DocumentRequest = z.object({
  id: Id,
  spaceId: Id,
  title: z.string(),
  message: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string(),
  folder: z.object({ id: Id.nullable(), name: z.string() }),
  dueAt: IsoDateTime,
  status: DocumentRequestStatus,
  createdAt: IsoDateTime,
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  url: z.string(),
  items: z.array(RequestItem),
  abilities: z.record(z.string(), z.boolean()),
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export const ReviewRequestItemBody = z
  .object({ decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(2000).optional() })
  .strict();

/** Public side: the recipient sees the request and its items, nothing else of the space. */
export const PublicDocumentRequest = z.object({
  title: z.string(),
  message: z.string(),
  recipientName: z.string(),
  requestedBy: z.string(),
  dueAt: IsoDateTime,
  status: DocumentRequestStatus,
  items: z.array(RequestItem),
});
export const RequestItemParams = z.object({ token: z.string().min(10).max(200), id: Id }).strict();
