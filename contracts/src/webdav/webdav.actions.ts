/** The `resource.verb` actions the central policy decides for the webdav module. */
export const webdavActions = [] as const;
