/** Sizes are bigint in PostgreSQL: pg returns them as strings, so read them through Number(). */
type Bytes = number | string;

/** A manager asks an outsider for files; `token_*` as for share links (hash to find, sealed copy for reminders). */
export type DocumentRequestsTable = {
  id: string;
  space_id: string;
  folder_id: string | null;
  created_by: string;
  title: string;
  message: string;
  recipient_name: string;
  recipient_email: string;
  locale: string;
  token_hash: string;
  token_sealed: string;
  due_at: string;
  status: 'open' | 'complete' | 'cancelled';
  created_at: string;
  updated_at: string;
};

export type DocumentRequestItemsTable = {
  id: string;
  request_id: string;
  position: number;
  label: string;
  status: 'pending' | 'received' | 'approved' | 'rejected';
  comment: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  updated_at: string;
};

export type DocumentRequestFilesTable = {
  id: string;
  item_id: string;
  document_id: string | null;
  original_name: string;
  size: Bytes;
  uploaded_at: string;
};
