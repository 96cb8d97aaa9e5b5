import type { AuditEvent } from '@gatehouse/contracts';
import type { Translate } from '../../lib/i18n';

/**
 * The actions the server writes to the audit trail, grouped for the filter. The trail is append-only and outlives
 * releases, so an action missing here (older or newer than this list) is simply shown by its raw code.
 */
export const auditActionGroups = [
  {
    key: 'security',
    // The server filters by prefix when the value ends with a dot.
    prefix: 'auth.',
    actions: [
      'auth.sign_in',
      'auth.sign_out',
      'auth.two_factor',
      'auth.reauthenticate',
      'auth.two_factor_enabled',
      'auth.two_factor_disabled',
      'auth.recovery_codes_regenerated',
      'auth.password_changed',
      'auth.password_reset_requested',
      'auth.password_reset',
      'auth.session_ended',
      'auth.other_sessions_ended',
      'api_token.created',
      'api_token.revoked',
      'setup.first_admin_created',
    ],
  },
  {
    key: 'people',
    prefix: 'person.',
    actions: [
      'person.invited',
      'person.invitation_resent',
      'person.invitation_accepted',
      'person.created',
      'person.updated',
      'person.profile_updated',
      'person.disabled',
      'person.enabled',
    ],
  },
  {
    key: 'organizations',
    prefix: 'organization.',
    actions: ['organization.created', 'organization.updated', 'organization.disabled', 'organization.enabled'],
  },
  {
    key: 'spaces',
    prefix: 'space.',
    actions: [
      'space.created',
      'space.updated',
      'space.archived',
      'space.member_added',
      'space.member_role_changed',
      'space.member_expiry_changed',
      'space.member_removed',
      'space.invitation_sent',
    ],
  },
  { key: 'audit', prefix: 'audit.', actions: ['audit.viewed', 'audit.exported'] },
] as const;

/** The human label of an event's action (a failed attempt has its own wording); the raw code when unknown. */
export function auditActionLabel(t: Translate, event: Pick<AuditEvent, 'action' | 'outcome'>): string {
  const failed = `auditFailures.${event.action}`;
  if (event.outcome === 'failure' && t.has(failed)) return t(failed);
  const label = `auditActions.${event.action}`;
  return t.has(label) ? t(label) : event.action;
}

/** Options of the Action filter: "any", then per group an "every … event" prefix and each known action. */
export function auditActionOptions(t: Translate) {
  return [
    { value: '', label: t('audit.anyAction') },
    ...auditActionGroups.map((group) => ({
      group: t(`auditGroups.${group.key}`),
      items: [
        { value: group.prefix, label: t(`auditGroups.${group.key}All`) },
        ...group.actions.map((action) => ({ value: action, label: t(`auditActions.${action}`) })),
      ],
    })),
  ];
}
