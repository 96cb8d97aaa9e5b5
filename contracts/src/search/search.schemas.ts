import { z } from 'zod';
import { Id, IsoDateTime } from '../common';

/** Families of document types a search can be narrowed to (the server maps each to MIME types). */
export const SearchType = z.enum(['pdf', 'office', 'image', 'text', 'audio', 'video', 'archive']);
export type SearchType = z.infer<typeof SearchType>;

/** A day (`2024-05-31`, taken in UTC) or an exact instant. */
const DateBound = z.union([z.iso.date(), IsoDateTime]);

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1).max(200),
    spaceId: Id.optional(),
    type: SearchType.optional(),
    /** Last change on or after this day/instant. */
    from: DateBound.optional(),
    /** Last change on or before this day (the whole day counts) or instant. */
    to: DateBound.optional(),
    tag: z.string().trim().min(1).max(50).optional(),
    /** Only results of this kind (a search source: documents, folders, spaces today; threads, tickets… later). */
    kind: z.string().trim().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/**
 * One hit of any search source. `kind` names the source (`document`, `folder`, `space`, …); `document` is present
 * for document hits only, with the fields a file row shows.
 */
export const SearchResult = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  space: z.object({ id: Id, name: z.string() }).nullable(),
  /** Folder the hit is in (documents and folders), null at a space's root or for other kinds. */
  folderId: Id.nullable(),
  updatedAt: IsoDateTime,
  document: z
    .object({
      id: Id,
      name: z.string(),
      spaceId: Id,
      spaceName: z.string(),
      folderId: Id.nullable(),
      mimeType: z.string(),
      size: z.number().int(),
      updatedAt: IsoDateTime,
      tags: z.array(z.string()),
    })
    .optional(),
  /**
   * An excerpt around the best match. It is HTML: every character of the document is escaped, and the only markup
   * is `<mark>…</mark>` around matched words, so the web app may render it as HTML.
   */
  snippet: z.string(),
  /** Higher is better; only meaningful to compare results of one search. */
  rank: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;
