/** Stable error codes of the audit module; the web app translates each `errors.<code>`. */
export const auditErrors = [] as const;
