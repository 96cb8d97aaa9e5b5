/** The `resource.verb` actions the central policy decides for the audit module. */
export const auditActions = ['audit.read', 'admin.audit'] as const;
