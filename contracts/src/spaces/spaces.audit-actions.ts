/** The action names the spaces module writes to the audit trail (the trail outlives releases: never rename one). */
export const spacesAuditActions = [
  'space.created',
  'space.updated',
  'space.capabilities_changed',
  'space.archived',
  'space.member_added',
  'space.member_role_changed',
  'space.member_expiry_changed',
  'space.member_removed',
  'space.invitation_sent',
] as const;
