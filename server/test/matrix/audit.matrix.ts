import { globalAbility, type MatrixCase, row } from './cast';

/** The audit trail is read by host admins only. */
export const auditMatrix: MatrixCase[] = [
  {
    action: 'audit.read',
    expected: row({
      otherPartner: 403,
      sameOrgNoMembership: 403,
      partnerAdmin: 403,
      viewer: 403,
      contributor: 403,
      manager: 403,
      owner: 403,
      hostAdmin: 200,
    }),
    attempt: async (c) => (await c.get('/api/v1/audit')).status,
  },
  {
    action: 'admin.audit',
    variant: 'the audit page, shown in the navigation',
    expected: row({
      otherPartner: 'hidden',
      sameOrgNoMembership: 'hidden',
      partnerAdmin: 'hidden',
      viewer: 'hidden',
      contributor: 'hidden',
      manager: 'hidden',
      owner: 'hidden',
      hostAdmin: 'shown',
    }),
    attempt: (c) => globalAbility(c, 'admin.audit'),
  },
];
