import { z } from 'zod';
import { Id, IsoDateTime } from '../common';

/** Names of files and folders: what every desktop system accepts, minus path separators and control characters. */
export const NodeName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point of this rule.
  .refine((name) => !/[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name), {
    message: 'Names cannot contain slashes, control or direction-override characters',
  })
  .refine((name) => name !== '.' && name !== '..', { message: 'This name is reserved' });

const PersonRef = z.object({ id: Id, name: z.string() }).nullable();

export const Folder = z.object({
  id: Id,
  spaceId: Id,
  parentId: Id.nullable(),
  name: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  createdBy: PersonRef,
  trashedAt: IsoDateTime.nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type Folder = z.infer<typeof Folder>;

export const DocumentLock = z.object({ by: PersonRef, expiresAt: IsoDateTime, mine: z.boolean() });

export const DocumentSummary = z.object({
  id: Id,
  spaceId: Id,
  folderId: Id.nullable(),
  name: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  version: z.number().int(),
  description: z.string(),
  tags: z.array(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedBy: PersonRef,
  lock: DocumentLock.nullable(),
  trashedAt: IsoDateTime.nullable(),
  /** The current version's thumbnail is ready (images and PDFs get one shortly after each upload). */
  hasThumbnail: z.boolean(),
  abilities: z.record(z.string(), z.boolean()),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentVersion = z.object({
  id: Id,
  number: z.number().int(),
  size: z.number().int(),
  mimeType: z.string(),
  sha256: z.string(),
  author: PersonRef,
  comment: z.string(),
  createdAt: IsoDateTime,
  current: z.boolean(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

export const FolderListing = z.object({
  /** The folder being listed; null at the root of the space. */
  folder: Folder.nullable(),
  breadcrumb: z.array(z.object({ id: Id, name: z.string() })),
  folders: z.array(Folder),
  documents: z.array(DocumentSummary),
  usage: z.object({ bytes: z.number().int(), quotaBytes: z.number().int().nullable() }),
  abilities: z.record(z.string(), z.boolean()),
  /** How many sub-folders and documents the whole listing holds, across all its pages. */
  counts: z.object({ folders: z.number().int(), documents: z.number().int() }),
  /** Pass it as `cursor` to get the next page (sub-folders first, then documents); null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ListFilesQuery = z
  .object({
    folderId: Id.optional(),
    trashed: z.enum(['true', 'false']).default('false'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    cursor: z
      .string()
      .max(1024)
      .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor from a previous page')
      .optional(),
  })
  .strict();
export const CreateFolderBody = z.object({ name: NodeName, parentId: Id.nullable().optional() }).strict();
export const UpdateFolderBody = z.object({ name: NodeName.optional(), parentId: Id.nullable().optional() }).strict();
export const UpdateDocumentBody = z
  .object({
    name: NodeName.optional(),
    folderId: Id.nullable().optional(),
    description: z.string().max(4000).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
  })
  .strict();
export const CopyDocumentBody = z.object({ folderId: Id.nullable(), name: NodeName.optional() }).strict();
export const LockBody = z
  .object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
  })
  .strict();
export const ContentQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    /** Preview in the browser: only for types that cannot run code (see documents.models.ts). */
    inline: z.enum(['1', '0']).optional(),
  })
  .strict();
/** The current version's thumbnail unless `version` names another. */
export const ThumbnailQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();
export const VersionParams = z.object({ id: Id, versionId: Id }).strict();
export const DocumentSettings = z.object({
  quotaBytes: z.number().int().min(0).nullable(),
  keepVersions: z.number().int().min(1).max(10_000).nullable(),
  keepDays: z.number().int().min(1).max(36_500).nullable(),
});
export const UpdateDocumentSettingsBody = DocumentSettings.partial().strict();

export const AccessLogEntry = z.object({
  at: IsoDateTime,
  action: z.string(),
  actor: z.object({ id: Id.nullable(), label: z.string().nullable() }),
  ip: z.string().nullable(),
  version: z.number().int().nullable(),
  range: z.string().nullable(),
});
