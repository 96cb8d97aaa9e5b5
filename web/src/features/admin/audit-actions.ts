import type { AuditAction, AuditEvent } from '@gatehouse/contracts';
import type { Translate } from '../../lib/i18n';

/**
 * Groups of the audit page's Action filter. Every action of the contracts' `auditActions` belongs to exactly one
 * group (a test checks it, and each has a label in every language). `prefix` (the server filters by prefix when the
 * value ends with a dot) backs the group's "all … events" option; every action starting with it is in the group.
 * The trail is append-only and outlives releases, so an event whose action is unknown here shows its raw code.
 */
export const auditActionGroups = [
  {
    key: 'security',
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
      'space.capabilities_changed',
      'space.archived',
      'space.member_added',
      'space.member_role_changed',
      'space.member_expiry_changed',
      'space.member_removed',
      'space.invitation_sent',
    ],
  },
  {
    key: 'documents',
    prefix: 'document.',
    actions: [
      'document.uploaded',
      'document.version_added',
      'document.version_restored',
      'document.versions_pruned',
      'document.updated',
      'document.renamed',
      'document.moved',
      'document.copied',
      'document.trashed',
      'document.restored',
      'document.locked',
      'document.unlocked',
      'document.lock_broken',
      'document.downloaded',
      'document.previewed',
      'documents.settings_updated',
    ],
  },
  {
    key: 'folders',
    prefix: 'folder.',
    actions: [
      'folder.created',
      'folder.renamed',
      'folder.moved',
      'folder.trashed',
      'folder.restored',
      'folder.downloaded',
      'folder.followed',
      'folder.unfollowed',
    ],
  },
  {
    key: 'shares',
    prefix: 'share_link.',
    actions: ['share_link.created', 'share_link.revoked', 'share_link.unlock_failed', 'share_link.unlocked'],
  },
  {
    key: 'requests',
    prefix: 'document_request.',
    actions: [
      'document_request.created',
      'document_request.cancelled',
      'document_request.reminded',
      'document_request.item_approved',
      'document_request.item_rejected',
    ],
  },
  { key: 'webdav', prefix: 'webdav.', actions: ['webdav.properties_changed'] },
  { key: 'audit', prefix: 'audit.', actions: ['audit.viewed', 'audit.exported'] },
] as const satisfies readonly { key: string; prefix: string; actions: readonly AuditAction[] }[];

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
