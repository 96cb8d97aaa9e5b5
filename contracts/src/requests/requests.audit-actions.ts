/** The action names the requests module writes to the audit trail (the trail outlives releases: never rename one). */
export const requestsAuditActions = [
  'document_request.created',
  'document_request.cancelled',
  'document_request.reminded',
  'document_request.item_approved',
  'document_request.item_rejected',
] as const;
