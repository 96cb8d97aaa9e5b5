/** The action names the webdav module writes to the audit trail (the trail outlives releases: never rename one). */
export const webdavAuditActions = ['webdav.properties_changed'] as const;
