/** The action names the notifications module writes to the audit trail (the trail outlives releases: never rename one). */
export const notificationsAuditActions = ['folder.followed', 'folder.unfollowed'] as const;
