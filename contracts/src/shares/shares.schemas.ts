import { z } from 'zod';
import { Email, Id, IsoDateTime } from '../common';

/** What the creation dialog shows: the expiry a link gets unless told otherwise, and the longest allowed. */
export const ShareLinkSettings = z.object({ defaultDays: z.number().int(), maxDays: z.number().int() });

export const CreateShareLinkBody = z
  .object({
    /** Days from now; the server default when absent; never beyond the administrators' maximum. */
    expiresInDays: z.number().int().min(1).max(36_500).optional(),
    password: z.string().min(8).max(256).optional(),
    /** Completed downloads allowed; null or absent for no limit. */
    maxDownloads: z.number().int().min(1).max(100_000).nullable().optional(),
    /** The recipient must prove they read `recipientEmail` with a one-time code before seeing anything. */
    requireEmail: z.boolean().optional(),
    recipientEmail: Email.optional(),
    /** E-mails the link to `recipientEmail`. */
    sendToRecipient: z.boolean().optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const ShareLinkStatus = z.enum(['active', 'expired', 'revoked', 'exhausted', 'disabled']);

export const ShareLink = z.object({
  id: Id,
  spaceId: Id,
  target: z.object({ type: z.enum(['document', 'folder']), id: Id, name: z.string() }),
  /** The address to hand out; only the creator and the space's managers ever see a link. */
  url: z.string(),
  note: z.string(),
  status: ShareLinkStatus,
  createdAt: IsoDateTime,
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  expiresAt: IsoDateTime,
  hasPassword: z.boolean(),
  requireEmail: z.boolean(),
  recipientEmail: z.string().nullable(),
  maxDownloads: z.number().int().nullable(),
  downloadCount: z.number().int(),
  revokedAt: IsoDateTime.nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type ShareLink = z.infer<typeof ShareLink>;

export const ShareAccessEntry = z.object({
  at: IsoDateTime,
  ip: z.string().nullable(),
  email: z.string().nullable(),
  kind: z.enum(['unlocked', 'download', 'zip']),
  /** The file, or the path of the file inside the shared folder, or the zipped folder. */
  what: z.string(),
  version: z.number().int().nullable(),
  completed: z.boolean(),
});

/** Public side: what a link's visitor sees. Nothing about the target until every required step is done. */
export const SharedFile = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  updatedAt: IsoDateTime,
});
export const SharedListing = z.object({
  folder: z.object({ id: Id, name: z.string() }),
  /** From the shared folder down to the one listed; never above the shared folder. */
  breadcrumb: z.array(z.object({ id: Id, name: z.string() })),
  folders: z.array(z.object({ id: Id, name: z.string() })),
  documents: z.array(SharedFile),
});
export const ShareView = z.object({
  kind: z.enum(['document', 'folder']),
  locked: z.boolean(),
  needsPassword: z.boolean(),
  needsEmail: z.boolean(),
  verifiedEmail: z.string().nullable(),
  expiresAt: IsoDateTime,
  downloadsLeft: z.number().int().nullable(),
  document: SharedFile.nullable(),
  listing: SharedListing.nullable(),
});
export const ShareZipQuery = z.object({ folderId: Id.optional() }).strict();
export const SharePasswordBody = z.object({ password: z.string().min(1).max(256) }).strict();
export const ShareCodeRequestBody = z.object({ email: Email }).strict();
export const ShareCodeBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
  })
  .strict();
export const ShareDocumentParams = z.object({ token: z.string().min(10).max(200), id: Id }).strict();
