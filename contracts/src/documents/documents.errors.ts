/** Stable error codes of the documents module; the web app translates each `errors.<code>`. */
export const documentsErrors = [
  'documents.name_taken',
  'documents.locked',
  'documents.invalid_move',
  'documents.in_trash',
  'documents.quota_exceeded',
  'documents.storage_full',
  'documents.file_too_large',
  'documents.file_required',
  'documents.range_not_satisfiable',
] as const;
