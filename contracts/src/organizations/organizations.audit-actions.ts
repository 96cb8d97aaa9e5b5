/** The action names the organizations module writes to the audit trail (the trail outlives releases: never rename one). */
export const organizationsAuditActions = [
  'organization.created',
  'organization.updated',
  'organization.disabled',
  'organization.enabled',
] as const;
