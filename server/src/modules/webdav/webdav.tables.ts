/**
 * Dead properties set by WebDAV clients (PROPPATCH), keyed by the id of the document, folder or space they describe,
 * so they follow a MOVE (same id) and are copied by COPY. `value` is self-contained XML (every element carries its
 * own xmlns), so it can be written back inside any response.
 */
export type WebdavPropertiesTable = {
  resource_id: string;
  namespace: string;
  name: string;
  value: string;
  updated_at: string;
};

/**
 * WebDAV locks (RFC 4918 class 2). They are path-based, like mod_dav's, because a lock may sit on an unmapped URL
 * and locks never move with a resource. `path_key` is `<space id>/<lower-cased names…>`. An exclusive lock on a
 * document is mirrored in the document's own check-out columns (`document_id` set): the web shows "Checked out by"
 * and every service answers 423 to other people; a lock whose mirror was released from the web is dead.
 */
export type WebdavLocksTable = {
  token: string;
  space_id: string;
  path_key: string;
  root_href: string;
  user_id: string;
  scope: 'exclusive' | 'shared';
  depth: '0' | 'infinity';
  owner_xml: string;
  timeout_seconds: number;
  expires_at: string;
  created_at: string;
  document_id: string | null;
};
