/**
 * A share link reaches one document or one folder's subtree, for people without an account. The token is never
 * stored in clear: `token_hash` finds the link, `token_sealed` (AES-GCM under SECRET_KEY) lets its creator copy it.
 */
export type ShareLinksTable = {
  id: string;
  token_hash: string;
  token_sealed: string;
  space_id: string;
  document_id: string | null;
  folder_id: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  password_hash: string | null;
  require_email: number;
  recipient_email: string | null;
  max_downloads: number | null;
  /** Completed downloads only (the response finished sending every byte). */
  download_count: number;
  note: string;
  revoked_at: string | null;
  revoked_by: string | null;
};

/** What one visitor's browser has proven for a link (password, e-mail), held by a cookie scoped to the link's path. */
export type ShareGrantsTable = {
  id: string;
  link_id: string;
  token_hash: string;
  password_ok: number;
  email: string | null;
  created_at: string;
  expires_at: string;
};

export type ShareEmailCodesTable = {
  id: string;
  link_id: string;
  email: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

/** A link's own access log. Downloads are written when they start and completed when their last byte left. */
export type ShareAccessesTable = {
  id: string;
  link_id: string;
  at: string;
  ip: string | null;
  email: string | null;
  kind: 'unlocked' | 'download' | 'zip';
  document_id: string | null;
  what: string;
  version: number | null;
  completed_at: string | null;
};
