/** The action names the shares module writes to the audit trail (the trail outlives releases: never rename one). */
export const sharesAuditActions = [
  'share_link.created',
  'share_link.revoked',
  'share_link.unlock_failed',
  'share_link.unlocked',
] as const;
