import type { Actor } from '../auth/actor';
import { errors } from '../http/errors';
import type {
  DocumentRequestResource,
  DocumentResource,
  FolderResource,
  GlobalResource,
  OrganizationResource,
  PersonResource,
  Resource,
  ShareLinkResource,
  SpaceResource,
} from './resources';
import { documentRules, folderRules } from './rules/documents.rules';
import { globalRules } from './rules/global.rules';
import { organizationRules } from './rules/organizations.rules';
import { personRules } from './rules/people.rules';
import { documentRequestRules, documentShareRules, folderShareRules, shareLinkRules } from './rules/shares.rules';
import { spaceRules } from './rules/spaces.rules';

/**
 * THE authorization policy. Every access decision in Gatehouse goes through `can` / `authorize`; nothing is allowed
 * unless a rule below says so (deny by default). Lists are narrowed in SQL by scopes.ts with the same meaning.
 */
type RuleTable<R> = Record<string, (actor: Actor, resource: R) => boolean>;

const rulesByType = {
  space: spaceRules as RuleTable<SpaceResource>,
  organization: organizationRules as RuleTable<OrganizationResource>,
  person: personRules as RuleTable<PersonResource>,
  folder: { ...folderRules, ...folderShareRules } as RuleTable<FolderResource>,
  document: { ...documentRules, ...documentShareRules } as RuleTable<DocumentResource>,
  share_link: shareLinkRules as RuleTable<ShareLinkResource>,
  document_request: documentRequestRules as RuleTable<DocumentRequestResource>,
  global: globalRules as RuleTable<GlobalResource>,
} as const;

/** The action that decides whether a resource exists at all for the actor (else 404). */
const readAction = {
  space: 'space.read',
  organization: 'organization.read',
  person: 'person.read',
  folder: 'folder.read',
  document: 'document.read',
  share_link: 'share.read',
  document_request: 'request.read',
} as const;

export type PolicyAction =
  | keyof typeof spaceRules
  | keyof typeof organizationRules
  | keyof typeof personRules
  | keyof typeof folderRules
  | keyof typeof documentRules
  | keyof typeof folderShareRules
  | keyof typeof documentShareRules
  | keyof typeof shareLinkRules
  | keyof typeof documentRequestRules
  | keyof typeof globalRules;

export const policyActions = Object.values(rulesByType).flatMap((table) => Object.keys(table)) as PolicyAction[];

/** Whether the actor may perform the action on the resource. Unknown action/resource pairs are denied. */
export function can(actor: Actor, action: PolicyAction, resource: Resource): boolean {
  const rule = (rulesByType[resource.type] as RuleTable<Resource>)[action];
  if (!rule) return false;
  if (resource.type !== 'global') {
    const read = (rulesByType[resource.type] as RuleTable<Resource>)[readAction[resource.type]];
    if (!read(actor, resource)) return false;
  }
  return rule(actor, resource);
}

/**
 * Throws unless allowed: 404 when the actor may not even see the resource (its existence is not confirmed), 403 when
 * they see it but may not do this. Anonymous actors get 401.
 */
export function authorize(actor: Actor, action: PolicyAction, resource: Resource): void {
  if (actor.kind === 'anonymous') throw errors.unauthorized();
  if (resource.type !== 'global') {
    const read = (rulesByType[resource.type] as RuleTable<Resource>)[readAction[resource.type]];
    if (!read(actor, resource)) throw errors.notFound();
  }
  if (!can(actor, action, resource)) throw errors.forbidden();
}

/** Every action of the resource's type with the actor's answer, sent to the web app so it shows only what is allowed. */
export function abilities(actor: Actor, resource: Resource): Record<string, boolean> {
  const table = rulesByType[resource.type] as RuleTable<Resource>;
  return Object.fromEntries(Object.keys(table).map((action) => [action, can(actor, action as PolicyAction, resource)]));
}
