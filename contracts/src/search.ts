import { z } from 'zod';
import { Id, IsoDateTime } from './common';

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
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  document: z.object({
    id: Id,
    name: z.string(),
    spaceId: Id,
    spaceName: z.string(),
    folderId: Id.nullable(),
    mimeType: z.string(),
    size: z.number().int(),
    updatedAt: IsoDateTime,
    tags: z.array(z.string()),
  }),
  /**
   * An excerpt around the best match. It is HTML: every character of the document is escaped, and the only markup
   * is `<mark>…</mark>` around matched words, so the web app may render it as HTML.
   */
  snippet: z.string(),
  /** Higher is better; only meaningful to compare results of one search. */
  rank: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;
