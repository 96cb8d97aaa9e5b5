/** The action names the audit module writes to the audit trail (the trail outlives releases: never rename one). */
export const auditAuditActions = ['audit.viewed', 'audit.exported'] as const;
