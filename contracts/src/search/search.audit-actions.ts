/** The action names the search module writes to the audit trail (the trail outlives releases: never rename one). */
export const searchAuditActions = [] as const;
