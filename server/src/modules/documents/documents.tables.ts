/**
 * Documents and folders are data only: names are never turned into filesystem paths (bytes live in content-addressed
 * blobs named by their hash). `name_key` is the lower-cased name that keeps live siblings unique whatever the case.
 *
 * Trash: trashing a folder marks it and everything inside it with `trashed_at` and `trash_root_id` = that folder, so
 * every query hides the subtree with a plain `trashed_at is null`, and restoring the folder brings back exactly what
 * went with it (not what was trashed on its own before).
 */
export type FoldersTable = {
  id: string;
  space_id: string;
  parent_id: string | null;
  name: string;
  name_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
  trashed_by: string | null;
  trash_root_id: string | null;
};

/** Sizes are bigint in PostgreSQL (files beyond 2 GiB): pg returns them as strings, so read them through Number(). */
type Bytes = number | string;

export type DocumentsTable = {
  id: string;
  space_id: string;
  folder_id: string | null;
  name: string;
  name_key: string;
  current_version_id: string | null;
  version: number;
  size: Bytes;
  mime_type: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
  trashed_by: string | null;
  trash_root_id: string | null;
  lock_user_id: string | null;
  lock_expires_at: string | null;
};

export type DocumentVersionsTable = {
  id: string;
  document_id: string;
  number: number;
  blob_sha256: string;
  size: Bytes;
  mime_type: string;
  author_id: string | null;
  comment: string;
  created_at: string;
};

/** The small image shown in listings for a version (documents.thumbnail job); no row means none (yet). */
export type DocumentThumbnailsTable = {
  version_id: string;
  blob_sha256: string;
  mime_type: string;
  width: number;
  height: number;
  created_at: string;
};

/** One row per space that changed its settings; no row means no quota and no retention limit. */
export type SpaceDocumentSettingsTable = {
  space_id: string;
  quota_bytes: Bytes | null;
  keep_versions: number | null;
  keep_days: number | null;
  updated_at: string;
  updated_by: string | null;
};

/** A distinct blob some versions of a space point at, and how many do: the space's storage, counted once per blob. */
export type SpaceBlobsTable = {
  space_id: string;
  blob_sha256: string;
  size: Bytes;
  versions: number;
};

/** The sum of a space's `space_blobs` sizes, kept with them in the same transaction. */
export type SpaceUsageTable = {
  space_id: string;
  bytes: Bytes;
};

/**
 * Changes with everything a folder listing shows (key: the folder's id, or the space's id for its root). Kept by
 * database triggers (migration 0010), never written by the application; read to tell whether a listing rendered
 * earlier is still right.
 */
export type ListingStampsTable = {
  folder_key: string;
  stamp: Bytes;
};
