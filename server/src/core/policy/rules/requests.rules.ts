import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { holdsLink, isActive, manages } from '../predicates';
import type { DocumentRequestResource, FolderResource, LinkResource } from '../resources';

type RequestsAction = ModuleAction<'requests'>;

/** Document requests deliver into a folder (or the root) and are run by the space's managers. */
export const folderRequestRules = {
  /** See the document requests of the space (on its root): managers only, archived spaces included. */
  'request.read': (actor: Actor, folder: FolderResource) => manages(actor, folder),
  'request.create': (actor: Actor, folder: FolderResource) =>
    isActive(folder) && !folder.trashed && manages(actor, folder),
} satisfies RuleTable<RequestsAction, FolderResource>;

export const documentRequestRules = {
  'request.read': (actor: Actor, request: DocumentRequestResource) => manages(actor, request),
  'request.review': (actor: Actor, request: DocumentRequestResource) => isActive(request) && manages(actor, request),
  'request.cancel': (actor: Actor, request: DocumentRequestResource) => manages(actor, request),
} satisfies RuleTable<RequestsAction, DocumentRequestResource>;

/**
 * The recipient of a request link uploads to its items while the request is not cancelled and its creator could still
 * ask for documents into the destination folder; each item then says whether it still takes files (an approved one
 * answers 409, which is all a complete request has). The link reaches nothing else.
 */
export const requestLinkRules = {
  'link.upload': (actor: Actor, link: LinkResource) =>
    holdsLink(actor, link) && link.kind === 'request' && (link.state === 'live' || link.state === 'complete'),
} satisfies RuleTable<RequestsAction, LinkResource>;
