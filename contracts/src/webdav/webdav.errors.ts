/** Stable error codes of the webdav module; the web app translates each `errors.<code>`. */
export const webdavErrors = [] as const;
