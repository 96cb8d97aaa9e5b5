/** Stable error codes of the notifications module; the web app translates each `errors.<code>`. */
export const notificationsErrors = [] as const;
