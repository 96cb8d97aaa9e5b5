/** The `resource.verb` actions the central policy decides for the webdav module. */
export const webdavActions = ['dav_lock.read', 'dav_lock.use'] as const;
