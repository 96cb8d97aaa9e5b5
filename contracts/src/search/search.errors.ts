/** Stable error codes of the search module; the web app translates each `errors.<code>`. */
export const searchErrors = [] as const;
