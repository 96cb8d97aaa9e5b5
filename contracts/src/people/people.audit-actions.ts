/** The action names the people module writes to the audit trail (the trail outlives releases: never rename one). */
export const peopleAuditActions = [
  'person.invited',
  'person.invitation_resent',
  'person.created',
  'person.updated',
  'person.disabled',
  'person.enabled',
] as const;
