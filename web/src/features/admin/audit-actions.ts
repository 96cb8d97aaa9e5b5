import { type AuditEvent, auditActions } from '@gatehouse/contracts';
import type { Translate } from '../../lib/i18n';

/**
 * Groups of the audit page's Action filter. Each group's actions are the contracts' `auditActions` starting with its
 * `prefix` (the server filters by prefix when the value ends with a dot, which backs the group's "all … events"
 * option) or with one of its `also` prefixes. A test checks every action falls in exactly one group and has a label
 * in every language. The trail is append-only and outlives releases, so an event whose action is unknown here shows
 * its raw code.
 */
const groups = [
  { key: 'security', prefix: 'auth.', also: ['api_token.', 'setup.'] },
  { key: 'people', prefix: 'person.' },
  { key: 'organizations', prefix: 'organization.' },
  { key: 'spaces', prefix: 'space.' },
  { key: 'documents', prefix: 'document.', also: ['documents.'] },
  { key: 'folders', prefix: 'folder.' },
  { key: 'shares', prefix: 'share_link.' },
  { key: 'requests', prefix: 'document_request.' },
  { key: 'webdav', prefix: 'webdav.' },
  { key: 'audit', prefix: 'audit.' },
] as const satisfies readonly { key: string; prefix: string; also?: readonly string[] }[];

export const auditActionGroups = groups.map((group) => {
  const prefixes: readonly string[] = [group.prefix, ...('also' in group ? group.also : [])];
  return {
    key: group.key,
    prefix: group.prefix,
    actions: auditActions.filter((action) => prefixes.some((prefix) => action.startsWith(prefix))),
  };
});

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
