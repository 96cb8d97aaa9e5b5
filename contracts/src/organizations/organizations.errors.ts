/** Stable error codes of the organizations module; the web app translates each `errors.<code>`. */
export const organizationsErrors = ['organizations.name_taken', 'organizations.host_immutable'] as const;
