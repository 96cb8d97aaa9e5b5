import type { Actor } from '../../auth/actor';
import type { ModuleAction, RuleTable } from '../policy';
import { owns } from '../predicates';
import type {
  ApiTokenResource,
  DavLockResource,
  FolderResource,
  NotificationResource,
  SessionResource,
} from '../resources';

/**
 * "Own row only": sessions, API tokens, notices and WebDAV locks belong to one person. Nobody else sees them through
 * these actions — not even a host admin, who ends other people's sessions by disabling them instead — so another
 * person's id answers 404, as if it did not exist.
 */
export const sessionRules = {
  'session.read': (actor: Actor, session: SessionResource) => owns(actor, session.ownerId),
  'session.revoke': (actor: Actor, session: SessionResource) => owns(actor, session.ownerId),
} satisfies RuleTable<ModuleAction<'identity'>, SessionResource>;

export const apiTokenRules = {
  'api_token.read': (actor: Actor, token: ApiTokenResource) => owns(actor, token.ownerId),
  'api_token.revoke': (actor: Actor, token: ApiTokenResource) => owns(actor, token.ownerId),
} satisfies RuleTable<ModuleAction<'identity'>, ApiTokenResource>;

export const notificationRules = {
  'notification.read': (actor: Actor, notice: NotificationResource) => owns(actor, notice.ownerId),
  /** Marking as read. */
  'notification.update': (actor: Actor, notice: NotificationResource) => owns(actor, notice.ownerId),
} satisfies RuleTable<ModuleAction<'notifications'>, NotificationResource>;

/** Every person who reads a folder may follow it; the notices stop the day they no longer read the space. */
export const folderFollowRules = {
  'folder.follow': (actor: Actor, folder: FolderResource) =>
    actor.kind === 'user' && folder.id !== null && !folder.trashed,
} satisfies RuleTable<ModuleAction<'notifications'>, FolderResource>;

/**
 * A WebDAV lock is seen by whoever reaches its path (lock discovery), and used — refreshed, released, submitted in an
 * `If:` header to change what it covers — only by the person who took it.
 */
export const davLockRules = {
  'dav_lock.read': (actor: Actor, _lock: DavLockResource) => actor.kind === 'user' || actor.kind === 'system',
  'dav_lock.use': (actor: Actor, lock: DavLockResource) => owns(actor, lock.holderId),
} satisfies RuleTable<ModuleAction<'webdav'>, DavLockResource>;
